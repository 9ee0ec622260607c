using System;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Reads the <c>cnf</c> claim (<c>jkt</c> for DPoP, <c>x5t#S256</c> for certificate-bound tokens) from any payload type
/// through its generated claim visit, so the handler needs no knowledge of which member (if any) declares
/// <see cref="JwtConfirmation"/>. One visitor per thread.
/// </summary>
internal sealed class ConfirmationReader : IJwtClaimVisitor
{
    [ThreadStatic]
    private static ConfirmationReader? t_reader;

    private JwtConfirmation? _confirmation;

    public static string? JwkThumbprintOf<TPayload>(TPayload payload)
        where TPayload : IJwtPayload<TPayload> => ConfirmationOf(payload)?.JwkThumbprint;

    public static JwtConfirmation? ConfirmationOf<TPayload>(TPayload payload)
        where TPayload : IJwtPayload<TPayload>
    {
        ConfirmationReader reader = t_reader ??= new ConfirmationReader();
        reader._confirmation = null;
        payload.VisitClaims(reader);
        JwtConfirmation? confirmation = reader._confirmation;
        reader._confirmation = null;
        return confirmation;
    }

    public void VisitObject<TClaims>(string name, TClaims value)
        where TClaims : IJwtClaimSet<TClaims>
    {
        if (value is JwtConfirmation confirmation && string.Equals(name, "cnf", StringComparison.Ordinal))
        {
            _confirmation = confirmation;
        }
    }

    public void VisitString(string name, string value)
    {
    }

    public void VisitInteger(string name, long value)
    {
    }

    public void VisitNumber(string name, double value)
    {
    }

    public void VisitNumber(string name, decimal value)
    {
    }

    public void VisitBoolean(string name, bool value)
    {
    }
}
