// The generator compiles this file too (internal there, see TypedJwt.Generators.csproj): one source for both sides.
namespace TypedJwt;

/// <summary>
/// Marks a <c>partial</c> record as a typed JOSE header with extra parameters. The generator emits its serializer,
/// reader and validator. The registered parameters <c>alg</c>, <c>typ</c>, <c>kid</c> and <c>crit</c> are handled by the runtime.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
#if TYPEDJWT_GENERATOR
internal
#else
public
#endif
sealed class JwtHeaderAttribute : System.Attribute
{
    /// <summary>
    /// How member names become parameter names when a member has no <see cref="JwtClaimAttribute"/>. When not set, the project's
    /// MSBuild property <c>TypedJwtNamingPolicy</c> decides, and <see cref="JwtNamingPolicy.SnakeCaseLower"/> when that is
    /// absent. Setting it, even to <see cref="JwtNamingPolicy.SnakeCaseLower"/>, overrides the property for this type.
    /// </summary>
    public JwtNamingPolicy NamingPolicy { get; set; }
}
