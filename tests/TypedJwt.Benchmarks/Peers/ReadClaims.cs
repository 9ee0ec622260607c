namespace TypedJwt.Benchmarks.Peers;

/// <summary>
/// What every validate benchmark returns: the typed <c>sub</c> and how many <c>roles</c> were read. A count rather than the
/// list, so that no library pays for boxing or copying its own collection into a common shape.
/// </summary>
public readonly record struct ReadClaims(string? Subject, int RoleCount);
