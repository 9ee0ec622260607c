using System;
using System.Collections.Generic;

namespace TypedJwt;

/// <summary>
/// Which JWS algorithms the keys of one JWK Set may be bound to, and how a JWK without <c>alg</c> is bound (RFC 8725 §3.1:
/// one key, one algorithm): RSA to the first RSA algorithm allowed, EC to the algorithm of its curve, <c>oct</c> never,
/// since a shared secret is bound only by what its issuer wrote. A key that cannot be bound gets a reason instead of an
/// exception, so the set can ignore it (RFC 7517 §5). Reasons quote TypedJwt's own constants, never the key's values.
/// </summary>
internal sealed class JsonWebKeySetPolicy
{
    private const string ImplementedAlgorithms = "HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512";

    // One bit per JwsAlgorithm value (1 << value).
    private readonly int _allowed;

    private readonly JwsAlgorithm? _rsaWithoutAlg;

    private JsonWebKeySetPolicy(int allowed, JwsAlgorithm? rsaWithoutAlg)
    {
        _allowed = allowed;
        _rsaWithoutAlg = rsaWithoutAlg;
    }

    /// <summary>Every algorithm TypedJwt implements; an RSA key without <c>alg</c> is bound to RS256.</summary>
    internal static JsonWebKeySetPolicy AllAlgorithms { get; } = new(AllAlgorithmBits(), JwsAlgorithm.RS256);

    /// <summary>The given algorithms; an RSA key without <c>alg</c> is bound to the first RSA algorithm among them.</summary>
    /// <exception cref="ArgumentException"><paramref name="algorithms"/> is null, empty, or has a value that is not a <see cref="JwsAlgorithm"/>.</exception>
    internal static JsonWebKeySetPolicy Create(IEnumerable<JwsAlgorithm> algorithms, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(algorithms, parameterName);
        int allowed = 0;
        JwsAlgorithm? rsaWithoutAlg = null;
        foreach (JwsAlgorithm algorithm in algorithms)
        {
            if (!Enum.IsDefined(algorithm))
            {
                throw new ArgumentException($"The value {(int)algorithm} is not a JwsAlgorithm.", parameterName);
            }

            allowed |= 1 << (int)algorithm;
            if (rsaWithoutAlg is null && JwsAlgorithmParameters.GetFamily(algorithm) is JwsAlgorithmFamily.RsaPkcs1 or JwsAlgorithmFamily.RsaPss)
            {
                rsaWithoutAlg = algorithm;
            }
        }

        if (allowed == 0)
        {
            throw new ArgumentException("At least one algorithm must be allowed for the set.", parameterName);
        }

        return new JsonWebKeySetPolicy(allowed, rsaWithoutAlg);
    }

    /// <summary>
    /// The algorithm the JWK is to be imported for, or the reason it is not used: it is not meant for signatures
    /// (<c>use</c>, <c>key_ops</c>), its <c>kty</c>, <c>crv</c> or <c>alg</c> is not one TypedJwt implements, or its
    /// algorithm (written or inferred) is not allowed. Whether the members then make a valid key is the importer's check.
    /// </summary>
    internal string? TryBind(JsonWebKeyMembers jwk, out JwsAlgorithm algorithm)
    {
        algorithm = default;
        if (jwk.PublicKeyUse is { } use && use != "sig")
        {
            return use == "enc"
                ? "'use' is \"enc\": the key is for encryption, not signatures (RFC 7517 §4.2)."
                : "'use' is not \"sig\", so the key is not for signatures (RFC 7517 §4.2).";
        }

        if (jwk.KeyOperations is { } operations && !operations.Contains("sign") && !operations.Contains("verify"))
        {
            return "'key_ops' contains neither \"sign\" nor \"verify\" (RFC 7517 §4.3).";
        }

        switch (jwk.KeyType)
        {
            case null:
                return "The JWK has no 'kty' member.";
            case "OKP":
                return "'kty' is \"OKP\" (Ed25519, Ed448, X25519 or X448, RFC 8037), a key type TypedJwt does not verify with.";
            case not ("oct" or "RSA" or "EC"):
                return "'kty' is not oct, RSA or EC, the key types TypedJwt verifies with.";
        }

        if (jwk.KeyType == "EC" && jwk.Curve is not ("P-256" or "P-384" or "P-521"))
        {
            return jwk.Curve is null
                ? "The EC JWK has no 'crv' member."
                : "'crv' is not P-256, P-384 or P-521, the curves TypedJwt verifies with.";
        }

        return jwk.Algorithm is null ? TryInfer(jwk, out algorithm) : TryParse(jwk.Algorithm, out algorithm);
    }

    private string? TryParse(string name, out JwsAlgorithm algorithm)
    {
        if (!JwsAlgorithmNames.TryParse(System.Text.Encoding.UTF8.GetBytes(name), out algorithm))
        {
            return IsJweAlgorithmName(name)
                ? "'alg' is a JWE (encryption) algorithm, not a JWS algorithm: the key is for encryption."
                : $"'alg' is not a JWS algorithm TypedJwt implements ({ImplementedAlgorithms}).";
        }

        return IsAllowed(algorithm)
            ? null
            : $"'alg' is {JwsAlgorithmNames.GetName(algorithm)}, which is not among the algorithms allowed for this set.";
    }

    private string? TryInfer(JsonWebKeyMembers jwk, out JwsAlgorithm algorithm)
    {
        algorithm = default;
        switch (jwk.KeyType)
        {
            case "RSA" when _rsaWithoutAlg is { } rsa:
                algorithm = rsa;
                return null;
            case "RSA":
                return "The RSA JWK has no 'alg', and no RSA algorithm (RS256/384/512, PS256/384/512) is allowed for this set.";
            case "EC":
                algorithm = jwk.Curve switch
                {
                    "P-256" => JwsAlgorithm.ES256,
                    "P-384" => JwsAlgorithm.ES384,
                    _ => JwsAlgorithm.ES512,
                };
                return IsAllowed(algorithm)
                    ? null
                    : $"The EC JWK has no 'alg', and {JwsAlgorithmNames.GetName(algorithm)}, the algorithm of its 'crv' {jwk.Curve}, is not allowed for this set.";
            default:
                return "The oct JWK has no 'alg'; a shared secret is used only with the algorithm its 'alg' names (RFC 8725 §3.1).";
        }
    }

    private bool IsAllowed(JwsAlgorithm algorithm) => (_allowed & (1 << (int)algorithm)) != 0;

    // The JWE "alg" and "enc" names of the IANA JOSE registry (RFC 7518 §4.1, §5.1 and later), implemented by TypedJwt or not.
    private static bool IsJweAlgorithmName(string name) => name is
        "RSA1_5" or "RSA-OAEP" or "RSA-OAEP-256" or "RSA-OAEP-384" or "RSA-OAEP-512" or "dir"
        or "A128KW" or "A192KW" or "A256KW" or "A128GCMKW" or "A192GCMKW" or "A256GCMKW"
        or "ECDH-ES" or "ECDH-ES+A128KW" or "ECDH-ES+A192KW" or "ECDH-ES+A256KW"
        or "PBES2-HS256+A128KW" or "PBES2-HS384+A192KW" or "PBES2-HS512+A256KW"
        or "A128CBC-HS256" or "A192CBC-HS384" or "A256CBC-HS512" or "A128GCM" or "A192GCM" or "A256GCM";

    private static int AllAlgorithmBits()
    {
        int bits = 0;
        foreach (JwsAlgorithm algorithm in Enum.GetValues<JwsAlgorithm>())
        {
            bits |= 1 << (int)algorithm;
        }

        return bits;
    }
}
