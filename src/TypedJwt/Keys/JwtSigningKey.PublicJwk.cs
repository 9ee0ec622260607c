using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TypedJwt;

// The public half of a key as a JWK (RFC 7517), for JWKS endpoints and for handing a verification key to a peer.
public abstract partial class JwtSigningKey
{
    /// <summary>
    /// The public key as a JWK JSON object: the key type's public members, then <c>alg</c>, <c>kid</c> (when set) and
    /// <c>use</c> = <c>sig</c>. Private members are never written.
    /// </summary>
    /// <exception cref="System.InvalidOperationException">The key is an HMAC secret, which has no public part.</exception>
    public string ToPublicJwk()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WritePublicJwk(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal void WritePublicJwk(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WritePublicKeyMembers(writer);
        writer.WriteString("alg"u8, JwsAlgorithmNames.GetUtf8Name(Algorithm));
        if (KeyId is not null)
        {
            writer.WriteString("kid"u8, KeyId);
        }

        writer.WriteString("use"u8, "sig"u8);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>kty</c> and the members that hold the public key (RFC 7518 §6), with no private members.</summary>
    private protected abstract void WritePublicKeyMembers(Utf8JsonWriter writer);
}
