using TypedJwt.Benchmarks.Scenarios;

namespace TypedJwt.Benchmarks.Peers;

/// <summary>jose-jwt 5.3.0 with its default (System.Text.Json) mapper; it verifies the signature only, claims are the caller's.</summary>
internal sealed class JoseJwtPeer
{
    private readonly object _key;
    private readonly Jose.JwsAlgorithm _algorithm;
    private readonly Dictionary<string, object> _payload;
    private readonly Dictionary<string, object> _headers = new() { ["typ"] = TokenClaims.TokenType, ["kid"] = ScenarioKeys.KeyId };

    public JoseJwtPeer(ScenarioKeys keys, TokenClaims claims)
    {
        _key = keys.Jose;
        _algorithm = keys.Algorithm switch
        {
            JwsAlgorithm.HS256 => Jose.JwsAlgorithm.HS256,
            JwsAlgorithm.RS256 => Jose.JwsAlgorithm.RS256,
            JwsAlgorithm.PS256 => Jose.JwsAlgorithm.PS256,
            JwsAlgorithm.ES256 => Jose.JwsAlgorithm.ES256,
            _ => throw new NotSupportedException(keys.Algorithm.ToString()),
        };
        _payload = claims.ToDictionary();
    }

    public string Create() => Jose.JWT.Encode(_payload, _key, _algorithm, _headers);

    public ReadClaims Validate(string token) =>
        DictionaryClaims.CheckAndRead(Jose.JWT.Decode<Dictionary<string, object>>(token, _key, _algorithm), checkTimes: true);
}
