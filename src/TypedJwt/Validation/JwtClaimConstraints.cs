using System;
using System.Text.RegularExpressions;

namespace TypedJwt;

/// <summary>Checks generated <see cref="IJwtClaimSet{TSelf}.ValidateConstraints"/> code delegates to, so that none of them throws. Used by generated code; not meant to be called by hand.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class JwtClaimConstraints
{
    /// <summary>
    /// Whether <paramref name="pattern"/> matches the whole of <paramref name="value"/>, as <c>[RegularExpression]</c> requires.
    /// A match that runs past the pattern's timeout counts as no match: the validate path never throws.
    /// </summary>
    public static bool IsFullMatch(Regex pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            Match match = pattern.Match(value);
            return match.Success && match.Index == 0 && match.Length == value.Length;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
