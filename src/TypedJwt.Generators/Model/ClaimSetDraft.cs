namespace TypedJwt.Generators.Model;

/// <summary>
/// An annotated type that passed every check not depending on claim names, with its claims not yet named. Produced by the
/// syntax step of the pipeline; combined with the project's default naming policy it becomes a <see cref="ClaimSetSpec"/>
/// (<c>Parsing/ClaimNameResolver.cs</c>). Value-equal, no Roslyn symbols.
/// </summary>
/// <param name="Unnamed">The emitter's model with every property but <see cref="ClaimSetSpec.Claims"/> final (it is empty here).</param>
/// <param name="NamingPolicy">The attribute's <c>NamingPolicy</c> when it sets one (any value, even the default), or null to use the project's.</param>
/// <param name="Claims">In declaration order; <see cref="ClaimSetSpec.ConstructorParameters"/> indexes refer to it.</param>
internal sealed record ClaimSetDraft(ClaimSetSpec Unnamed, JwtNamingPolicy? NamingPolicy, ImmutableEquatableArray<ClaimDraft> Claims)
{
    public bool IsHeader => Unnamed.IsHeader;

    /// <summary>The emitter's model: this draft with its claims named, in the same order.</summary>
    public ClaimSetSpec ToSpec(ImmutableEquatableArray<ClaimSpec> claims) => Unnamed with { Claims = claims };
}
