namespace TypedJwt;

/// <summary>Excludes a member of a <see cref="JwtPayloadAttribute"/> or <see cref="JwtHeaderAttribute"/> type from the token.</summary>
[System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class JwtIgnoreAttribute : System.Attribute
{
}
