namespace TypedJwt;

/// <summary>
/// Marks a claim as sensitive: the analyzer always reports it when the payload is not <c>Encrypted</c>,
/// whatever its name.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class SensitiveAttribute : System.Attribute
{
}
