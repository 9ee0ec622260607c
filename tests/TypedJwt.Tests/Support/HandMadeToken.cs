using System.Buffers.Text;
using System.Text;

namespace TypedJwt.Tests.Support;

/// <summary>Builds compact JWS tokens from literal header and payload JSON, to test what the validator makes of hostile input.</summary>
internal static class HandMadeToken
{
    public static string Sign(string headerJson, string payloadJson, JwtSigningKey key) =>
        Sign(headerJson, Encoding.UTF8.GetBytes(payloadJson), key);

    public static string Sign(string headerJson, byte[] payload, JwtSigningKey key) =>
        Sign(Encoding.UTF8.GetBytes(headerJson), payload, key);

    public static string Sign(byte[] header, byte[] payload, JwtSigningKey key)
    {
        string signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = new byte[key.SignatureSize];
        Assert.True(key.TrySign(Encoding.ASCII.GetBytes(signingInput), signature, out int written));
        return signingInput + "." + Base64Url.EncodeToString(signature.AsSpan(0, written));
    }

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
