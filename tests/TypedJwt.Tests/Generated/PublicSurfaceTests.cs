using System.ComponentModel;
using System.Reflection;

namespace TypedJwt.Tests.Generated;

/// <summary>
/// What a user sees: the generated members a validator or the claims-based APIs call are explicit interface
/// implementations, so a payload type shows its claims, <c>WriteJson</c>, <c>TryReadJson</c> and <c>ValidateConstraints</c>,
/// and the runtime types only generated code calls are hidden from IntelliSense (as System.Text.Json hides
/// <c>JsonMetadataServices</c>).
/// </summary>
public class PublicSurfaceTests
{
    [Fact]
    public void A_payload_does_not_show_the_validator_s_read_or_the_claim_visit()
    {
        MethodInfo[] methods = typeof(AccessToken).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);

        Assert.DoesNotContain(methods, m => m.Name == nameof(IJwtPayload<AccessToken>.VisitClaims));
        Assert.DoesNotContain(methods, m => m.GetParameters().Any(p => p.ParameterType == typeof(JwtRegisteredClaims).MakeByRefType()));
        Assert.Contains(methods, m => m.Name == nameof(AccessToken.TryReadJson));
    }

    public static TheoryData<Type> Plumbing() =>
    [
        typeof(JwtClaimReader), typeof(JwtClaimWriter), typeof(JwtJson), typeof(JwtMemberNameSet), typeof(JwtReadOptions),
        typeof(JwtNumericDate), typeof(JwtValueReader<>), typeof(JwtRegisteredClaims), typeof(JwtClaimVisits),
    ];

    [Theory]
    [MemberData(nameof(Plumbing))]
    public void Types_only_generated_code_calls_are_hidden_from_IntelliSense(Type type)
    {
        Assert.Equal(EditorBrowsableState.Never, type.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
    }
}
