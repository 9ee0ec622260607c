using System;

namespace TypedJwt.AspNetCore;

/// <summary>
/// Reads <c>cnf.jkt</c> from any payload type through its generated claim visit, so the handler needs no knowledge of
/// which member (if any) declares <see cref="JwtConfirmation"/>. One visitor per thread.
/// </summary>
internal sealed class DpopConfirmationReader : IJwtClaimVisitor
{
    [ThreadStatic]
    private static DpopConfirmationReader? t_reader;

    private string? _jkt;

    public static string? JwkThumbprintOf<TPayload>(TPayload payload)
        where TPayload : IJwtPayload<TPayload>
    {
        DpopConfirmationReader reader = t_reader ??= new DpopConfirmationReader();
        reader._jkt = null;
        payload.VisitClaims(reader);
        string? jkt = reader._jkt;
        reader._jkt = null;
        return jkt;
    }

    public void VisitObject<TClaims>(string name, TClaims value)
        where TClaims : IJwtClaimSet<TClaims>
    {
        if (value is JwtConfirmation confirmation && string.Equals(name, "cnf", StringComparison.Ordinal))
        {
            _jkt = confirmation.JwkThumbprint;
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
