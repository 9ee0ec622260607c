namespace TypedJwt.Generators.Model;

/// <summary>
/// One claim as the parser reads it, before its JSON name is known: the name depends on the project's default naming
/// policy, which the syntax step of the pipeline cannot see. <see cref="ToSpec"/> adds the name once it is resolved.
/// </summary>
/// <param name="DeclaredName">The member's name as declared (not <c>@</c>-escaped): what naming policies and messages use.</param>
/// <param name="ExplicitName">The name given by <c>[JwtClaim("...")]</c> (possibly empty, TJ0008), or null when the policy decides.</param>
/// <param name="Unnamed">The claim as the emitter will see it, every property final but an empty <see cref="ClaimSpec.ClaimName"/>.</param>
internal sealed record ClaimDraft(string DeclaredName, string? ExplicitName, ClaimSpec Unnamed)
{
    /// <summary>The emitter's claim: this draft with its resolved JSON name.</summary>
    public ClaimSpec ToSpec(string claimName) => Unnamed with { ClaimName = claimName };
}
