using System;
using System.Collections.Frozen;
using System.Linq;

namespace TypedJwt.AspNetCore;

/// <summary>
/// <see cref="JwtErrorCode"/> names made once, for the <c>error.code</c> tag and log events: a bounded set of interned
/// strings, so recording a failure allocates no string.
/// </summary>
internal static class ErrorCodeNames
{
    private static readonly FrozenDictionary<JwtErrorCode, string> Names =
        Enum.GetValues<JwtErrorCode>().Distinct().ToFrozenDictionary(code => code, code => code.ToString());

    public static string Of(JwtErrorCode code) => Names.TryGetValue(code, out string? name) ? name : "Unknown";
}
