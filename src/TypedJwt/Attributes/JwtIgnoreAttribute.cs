// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): one source for both sides.
namespace TypedJwt;

/// <summary>Excludes a member of a <see cref="JwtPayloadAttribute"/> or <see cref="JwtHeaderAttribute"/> type from the token.</summary>
[System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
#if TYPEDJWT_GENERATOR
internal
#else
public
#endif
sealed class JwtIgnoreAttribute : System.Attribute
{
}
