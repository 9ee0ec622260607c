using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;

namespace TypedJwt;

// Reading a JWK Set as an identity provider publishes it: keys TypedJwt cannot verify with are ignored and listed, not
// fatal (RFC 7517 §5), so adding an encryption or Ed25519 key to the set does not stop validation with the others.
public sealed partial class JwtKeySet
{
    // The reasons a "no usable key" message lists before it only counts the rest; IgnoredKeys is not there to read.
    private const int MaxListedReasons = 20;

    /// <summary>
    /// Reads a JWK Set (RFC 7517 §5): <c>{"keys":[...]}</c>, allowing every algorithm TypedJwt implements. A JWK TypedJwt
    /// cannot verify with is ignored and listed in <see cref="IgnoredKeys"/> with the reason: <c>use</c> other than
    /// <c>sig</c>, <c>key_ops</c> without <c>sign</c> or <c>verify</c>, a <c>kty</c>, <c>crv</c> or <c>alg</c> TypedJwt does
    /// not implement (OKP, RSA-OAEP, EdDSA, ES256K...), members that fail the checks of <see cref="JwtSigningKey.FromJwk(string)"/>,
    /// or an <c>oct</c> key without <c>alg</c>. A key without <c>alg</c> is bound to one algorithm: RSA to RS256, EC to the
    /// algorithm of its curve (P-256: ES256, P-384: ES384, P-521: ES512). The usable keys must meet the rules of this class.
    /// </summary>
    /// <param name="json">The JWK Set as JSON text.</param>
    /// <exception cref="ArgumentException">
    /// The JSON is malformed or has no <c>keys</c> array, every key in it was ignored (the message lists why), or the usable
    /// keys break a set rule.
    /// </exception>
    public static JwtKeySet FromJwks(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromJwks(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a JWK Set given as UTF-8 JSON; see <see cref="FromJwks(string)"/>.</summary>
    /// <param name="utf8Json">The JWK Set as UTF-8 JSON.</param>
    /// <exception cref="ArgumentException">
    /// The JSON is malformed or has no <c>keys</c> array, every key in it was ignored (the message lists why), or the usable
    /// keys break a set rule.
    /// </exception>
    public static JwtKeySet FromJwks(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, JsonWebKeySetPolicy.AllAlgorithms);

    /// <summary>
    /// Reads a JWK Set (RFC 7517 §5) whose keys may be used only with <paramref name="algorithms"/>; see
    /// <see cref="FromJwks(string)"/>. A key whose <c>alg</c>, written or inferred, is not among them is ignored. An RSA key
    /// without <c>alg</c> is bound to the first RSA algorithm (RS* or PS*) in <paramref name="algorithms"/>, in the order
    /// given, and ignored when there is none; an EC key without <c>alg</c> to the algorithm of its curve.
    /// </summary>
    /// <param name="json">The JWK Set as JSON text.</param>
    /// <param name="algorithms">The algorithms the issuer signs with; at least one.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="algorithms"/> is empty or has an undefined value; the JSON is malformed or has no <c>keys</c> array;
    /// every key in it was ignored (the message lists why); or the usable keys break a set rule.
    /// </exception>
    public static JwtKeySet FromJwks(string json, IEnumerable<JwsAlgorithm> algorithms)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonWebKeySetPolicy policy = JsonWebKeySetPolicy.Create(algorithms, nameof(algorithms));
        return Read(Encoding.UTF8.GetBytes(json), policy);
    }

    /// <summary>Reads a JWK Set given as UTF-8 JSON whose keys may be used only with <paramref name="algorithms"/>; see <see cref="FromJwks(string, IEnumerable{JwsAlgorithm})"/>.</summary>
    /// <param name="utf8Json">The JWK Set as UTF-8 JSON.</param>
    /// <param name="algorithms">The algorithms the issuer signs with; at least one.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="algorithms"/> is empty or has an undefined value; the JSON is malformed or has no <c>keys</c> array;
    /// every key in it was ignored (the message lists why); or the usable keys break a set rule.
    /// </exception>
    public static JwtKeySet FromJwks(ReadOnlySpan<byte> utf8Json, IEnumerable<JwsAlgorithm> algorithms) =>
        Read(utf8Json, JsonWebKeySetPolicy.Create(algorithms, nameof(algorithms)));

    private static JwtKeySet Read(ReadOnlySpan<byte> utf8Json, JsonWebKeySetPolicy policy)
    {
        var keys = new List<(JwtSigningKey Key, int Index)>();
        var ignored = new List<IgnoredJsonWebKey>();
        JsonWebKeySetReader.Read(utf8Json, policy, keys, ignored);

        // An empty "keys" array is an empty set, as it was published; keys that were all ignored mean the issuer signs with
        // something TypedJwt cannot verify, which must not pass for an empty set.
        if (keys.Count == 0 && ignored.Count > 0)
        {
            throw new ArgumentException(NoUsableKey(ignored), nameof(utf8Json));
        }

        JwtSigningKey[] usable = new JwtSigningKey[keys.Count];
        int[] indexes = new int[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            (usable[i], indexes[i]) = keys[i];
        }

        return new JwtKeySet(usable, indexes, new ReadOnlyCollection<IgnoredJsonWebKey>(ignored.ToArray()), nameof(utf8Json));
    }

    private static string NoUsableKey(List<IgnoredJsonWebKey> ignored)
    {
        var message = new StringBuilder(
            $"The JWK Set has no key TypedJwt can verify with: {(ignored.Count == 1 ? "its only key was" : $"all {ignored.Count} of its keys were")} ignored.");
        for (int i = 0; i < ignored.Count && i < MaxListedReasons; i++)
        {
            message.Append(' ').Append(ignored[i].ToString());
        }

        if (ignored.Count > MaxListedReasons)
        {
            message.Append(" (").Append(ignored.Count - MaxListedReasons).Append(" more not listed.)");
        }

        return message.ToString();
    }
}
