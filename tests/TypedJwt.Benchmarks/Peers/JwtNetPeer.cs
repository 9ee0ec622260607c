using JWT;
using JWT.Algorithms;
using JWT.Serializers;
using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Peers;

/// <summary>JWT (Jwt.Net) 7.3.1 with its Newtonsoft serializer. It has HS* and RS256 only, so it runs in those scenarios.</summary>
internal sealed class JwtNetPeer
{
    private readonly JwtEncoder _encoder;
    private readonly JwtDecoder _decoder;
    private readonly byte[] _key;
    private readonly Dictionary<string, object> _payload;
    private readonly Dictionary<string, object> _headers = new() { ["typ"] = TokenClaims.TokenType, ["kid"] = ScenarioKeys.KeyId };

    public JwtNetPeer(ScenarioKeys keys, TokenClaims claims)
    {
        IJwtAlgorithm algorithm = keys.Algorithm switch
        {
            JwsAlgorithm.HS256 => new HMACSHA256Algorithm(),
            JwsAlgorithm.RS256 => new RS256Algorithm(keys.Rsa!, keys.Rsa!),
            _ => throw new NotSupportedException($"Jwt.Net 7.3.1 has no {keys.Algorithm}."),
        };
        var serializer = new JsonNetSerializer();
        var urlEncoder = new JwtBase64UrlEncoder();
        _encoder = new JwtEncoder(algorithm, serializer, urlEncoder);
        _decoder = new JwtDecoder(serializer, new JwtValidator(serializer, new UtcDateTimeProvider()), urlEncoder, new DelegateAlgorithmFactory(algorithm));
        // Jwt.Net refuses an empty key even where the algorithm ignores it (RS256 holds its RSA); one placeholder byte.
        _key = keys.Algorithm == JwsAlgorithm.HS256 ? keys.Secret : [0];
        _payload = claims.ToDictionary();
    }

    public string Create() => _encoder.Encode(_headers, _payload, _key);

    public ReadClaims Validate(string token) =>
        DictionaryClaims.CheckAndRead(_decoder.DecodeToObject<Dictionary<string, object>>(token, _key, verify: true), checkTimes: false);
}
