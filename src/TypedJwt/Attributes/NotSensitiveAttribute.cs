// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): one source for both sides.
namespace TypedJwt;

/// <summary>
/// Tells the analyzer that a claim whose name looks sensitive is meant to be readable by anyone who holds the token.
/// The justification is required: it is what a reviewer reads.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
#if TYPEDJWT_GENERATOR
internal
#else
public
#endif
sealed class NotSensitiveAttribute : System.Attribute
{
    /// <summary>Why the claim may be readable by anyone who holds the token.</summary>
    public string? Justification { get; set; }
}
