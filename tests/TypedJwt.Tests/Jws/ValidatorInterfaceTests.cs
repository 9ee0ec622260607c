using TypedJwt.Tests.Jwe;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// The three validators behind the one interface, <see cref="IJwtValidator{TPayload}"/>: each accepts its own token form
/// and refuses the other two, whatever the caller holds them as, and each reads a typed header (for a nested token, the
/// inner, signed one).
/// </summary>
public class ValidatorInterfaceTests
{
    private static readonly byte[] Cek = JweTestKit.Bytes(32, 5);
    private static readonly JwtEncryptionKey Shared = JwtEncryptionKey.CreateDirect(JweEncryption.A128CbcHS256, Cek, "e1");

    private static readonly string Signed = JwsWriter.Write(new AnyAccessTokenClaims(), new TenantHeader("acme"), Key);
    private static readonly string Encrypted = JweTestKit.HandMade(
        """{"alg":"dir","enc":"A128CBC-HS256","typ":"at+jwt","tenant":"globex"}""", """{"iss":"https://issuer.example","aud":"api","exp":4102444800}""", Cek, JweEncryption.A128CbcHS256);
    private static readonly string Nested = JweTestKit.HandMade(
        """{"alg":"dir","enc":"A128CBC-HS256","cty":"JWT","tenant":"outer"}""", Signed, Cek, JweEncryption.A128CbcHS256);

    public static TheoryData<string> Forms() => ["signed", "encrypted", "nested"];

    private static IJwtValidator<AnyAccessTokenClaims> ValidatorOf(string form) => form switch
    {
        "signed" => new JwtValidator<AnyAccessTokenClaims>(Key, Policy()),
        "encrypted" => new JweValidator<AnyAccessTokenClaims>(Shared, Policy()),
        _ => new NestedJwtValidator<AnyAccessTokenClaims>(Shared, new JwtKeySet(Key), Policy()),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Each_form_accepts_its_own_tokens_and_refuses_the_others(string form)
    {
        IJwtValidator<AnyAccessTokenClaims> validator = ValidatorOf(form);
        var tokens = new Dictionary<string, string> { ["signed"] = Signed, ["encrypted"] = Encrypted, ["nested"] = Nested };

        foreach ((string other, string token) in tokens)
        {
            JwtError error = validator.Validate(token.AsSpan());
            bool read = validator.TryValidate(token, out AnyAccessTokenClaims? payload, out JwtError readError);
            if (other == form)
            {
                Assert.Equal(JwtError.None, error);
                Assert.True(read, readError.Message);
                Assert.NotNull(payload);
            }
            else
            {
                Assert.NotEqual(JwtError.None, error);
                Assert.Equal(error, readError);
                Assert.False(read);
            }
        }
    }

    [Theory]
    [InlineData("signed", "acme")]
    [InlineData("encrypted", "globex")]
    [InlineData("nested", "acme")]
    public void Each_form_reads_a_typed_header(string form, string tenant)
    {
        string token = form switch { "signed" => Signed, "encrypted" => Encrypted, _ => Nested };

        Assert.True(ValidatorOf(form).TryValidate<TenantHeader>(token.AsSpan(), out _, out TenantHeader? header, out JwtError error), error.Message);
        Assert.Equal(tenant, header!.Tenant);
    }
}
