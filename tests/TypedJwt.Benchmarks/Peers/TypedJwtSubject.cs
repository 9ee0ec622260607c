using System.Text;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Peers;

/// <summary>TypedJwt itself, through its public API only: the generated <see cref="AccessToken"/>, <see cref="JwsWriter"/> and <see cref="JwtValidator{TPayload}"/>.</summary>
internal sealed class TypedJwtSubject
{
    private readonly JwtSigningKey _key;
    private readonly AccessToken _claims;
    private readonly JwtValidator<AccessToken> _validator;
    private readonly byte[] _destination = new byte[2048];

    public TypedJwtSubject(ScenarioKeys keys, TokenClaims claims)
    {
        _key = keys.TypedJwt;
        _claims = claims.ToTyped();
        _validator = new JwtValidator<AccessToken>(_key, JwtValidationPolicy.For(TokenClaims.Issuer, TokenClaims.Audience));
    }

    public string Create() => JwsWriter.Write(_claims, _key);

    public int CreateIntoSpan()
    {
        JwsWriter.TryWrite(_claims, _key, _destination, out int written);
        return written;
    }

    public ReadClaims Validate(string token)
    {
        if (!_validator.TryValidate(token, out AccessToken? claims, out JwtError error))
        {
            throw new InvalidOperationException($"TypedJwt refused the token: {error.Code} {error.Name}");
        }

        return new ReadClaims(claims.Subject, claims.Roles.Length);
    }

    public JwtError ValidateWithoutMaterializing(ReadOnlySpan<byte> token) => _validator.Validate(token);

    public static byte[] Ascii(string token) => Encoding.ASCII.GetBytes(token);
}
