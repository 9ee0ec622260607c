using System;
using System.Security.Cryptography;

namespace TypedJwt;

/// <summary>The curves ECDH-ES is offered on (RFC 7518 §6.2.1.1): P-256, P-384 and P-521, by JWK name and by BCL curve.</summary>
internal static class JweCurves
{
    /// <summary>The field element size of a JWK curve name, or 0 when the curve is not offered.</summary>
    public static int GetFieldSize(string? curveName) => curveName switch
    {
        "P-256" => 32,
        "P-384" => 48,
        "P-521" => 66,
        _ => 0,
    };

    public static ECCurve GetCurve(string curveName) => curveName switch
    {
        "P-256" => ECCurve.NamedCurves.nistP256,
        "P-384" => ECCurve.NamedCurves.nistP384,
        "P-521" => ECCurve.NamedCurves.nistP521,
        _ => throw new ArgumentOutOfRangeException(nameof(curveName)),
    };

    /// <summary>The JWK name of a BCL key's curve, or null when it is not one of the three NIST curves.</summary>
    public static string? GetName(ECParameters parameters) => parameters.Curve.Oid?.Value switch
    {
        "1.2.840.10045.3.1.7" => "P-256",
        "1.3.132.0.34" => "P-384",
        "1.3.132.0.35" => "P-521",
        _ => parameters.Curve.Oid?.FriendlyName switch
        {
            "nistP256" or "ECDSA_P256" => "P-256",
            "nistP384" or "ECDSA_P384" => "P-384",
            "nistP521" or "ECDSA_P521" => "P-521",
            _ => null,
        },
    };
}
