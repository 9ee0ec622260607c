// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): one source for both sides.
namespace TypedJwt;

/// <summary>
/// Marks a claim as sensitive: the analyzer always reports it when the payload is not <c>Encrypted</c>,
/// whatever its name.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
#if TYPEDJWT_GENERATOR
internal
#else
public
#endif
sealed class SensitiveAttribute : System.Attribute
{
}
