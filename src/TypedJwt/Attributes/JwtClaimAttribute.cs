// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): one source for both sides.
namespace TypedJwt;

/// <summary>Gives a payload member (or header member) its JSON name, e.g. <c>[JwtClaim("sub")]</c>.</summary>
[System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
#if TYPEDJWT_GENERATOR
internal
#else
public
#endif
sealed class JwtClaimAttribute : System.Attribute
{
    /// <summary>Creates the attribute with the claim's JSON name.</summary>
    public JwtClaimAttribute(string name) => Name = name;

    /// <summary>The claim's JSON member name, exactly as it appears in the token.</summary>
    public string Name { get; }
}
