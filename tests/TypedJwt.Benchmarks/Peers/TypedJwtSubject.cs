using System.Text;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Peers;

/// <summary>TypedJwt itself, through its public API only: the generated <see cref="AccessToken"/>, <see cref="JwsWriter"/> and <see cref="JwtValidator{TPayload}"/>.</summary>
internal sealed class TypedJwtSubject
{
    private readonly JwtSigningKey _key;
    private readonly AccessToken _claims;
    private readonly JwtValidator<AccessToken> _validator;
    private readonly JwtValidator<AccessToken> _cached;
    private readonly JwtValidator<AccessToken> _forgetful;
    private readonly string[] _twoTokens;
    private readonly byte[] _destination = new byte[2048];
    private int _next;

    public TypedJwtSubject(ScenarioKeys keys, TokenClaims claims)
    {
        _key = keys.TypedJwt;
        _claims = claims.ToTyped();
        JwtValidationPolicy policy = JwtValidationPolicy.For(TokenClaims.Issuer, TokenClaims.Audience);
        _validator = new JwtValidator<AccessToken>(_key, policy);

        // With the verified-token cache: the default limits, and a cache of one entry fed two tokens in turn, so that every
        // validation is a first sight (a miss, then the token stored in place of the other).
        _cached = new JwtValidator<AccessToken>(new JwtKeySet(_key), policy, new VerifiedTokenCacheOptions());
        _forgetful = new JwtValidator<AccessToken>(new JwtKeySet(_key), policy, new VerifiedTokenCacheOptions { MaxEntries = 1 });
        _twoTokens = [Create(), JwsWriter.Write(_claims with { TokenId = Guid.NewGuid() }, _key)];
    }

    /// <summary>Validates with the verified-token cache; after the first call, <paramref name="token"/> is a hit.</summary>
    public ReadClaims ValidateCached(string token) => Read(_cached, token);

    /// <summary>Validates one of two tokens in turn through a one-entry cache: always a miss, and the token stored.</summary>
    public ReadClaims ValidateFirstSight() => Read(_forgetful, _twoTokens[_next++ & 1]);

    /// <summary>The cache's counts, to check a benchmark measures hits or misses as it says.</summary>
    public (VerifiedTokenCacheStatistics Cached, VerifiedTokenCacheStatistics Forgetful) CacheStatistics =>
        (_cached.CacheStatistics!.Value, _forgetful.CacheStatistics!.Value);

    public string Create() => JwsWriter.Write(_claims, _key);

    public int CreateIntoSpan()
    {
        JwsWriter.TryWrite(_claims, _key, _destination, out int written);
        return written;
    }

    public ReadClaims Validate(string token) => Read(_validator, token);

    private static ReadClaims Read(JwtValidator<AccessToken> validator, string token)
    {
        if (!validator.TryValidate(token, out AccessToken? claims, out JwtError error))
        {
            throw new InvalidOperationException($"TypedJwt refused the token: {error.Code} {error.Name}");
        }

        return new ReadClaims(claims.Subject, claims.Roles.Length);
    }

    public JwtError ValidateWithoutMaterializing(ReadOnlySpan<byte> token) => _validator.Validate(token);

    public static byte[] Ascii(string token) => Encoding.ASCII.GetBytes(token);
}
