namespace TypedJwt.SampleApi;

/// <summary>The body of <c>POST /token</c>.</summary>
internal sealed record LoginRequest(string? Username, string? Password);
