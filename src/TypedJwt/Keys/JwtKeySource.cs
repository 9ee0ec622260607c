using System;
using System.Threading;

namespace TypedJwt;

/// <summary>
/// Where a validator gets the keys it verifies signatures with: a fixed <see cref="JwtKeySet"/> (<see cref="FromKeys"/>), or
/// keys fetched from an identity provider and refreshed in the background (TypedJwt.AspNetCore's <c>Authority</c> and
/// <c>JwksUri</c>). The validate path reads <see cref="CurrentKeys"/>, an immutable snapshot, once per token: an
/// implementation must answer without locks, allocation or I/O, and start any fetch in the background.
/// </summary>
public abstract class JwtKeySource
{
    private Action? _keysChanged;

    /// <summary>The keys tokens are verified with now, or null when none are available (the first fetch has not succeeded, or the keys are older than the source allows); a token is then refused with <see cref="JwtErrorCode.KeysUnavailable"/>.</summary>
    public abstract JwtKeySet? CurrentKeys { get; }

    /// <summary>
    /// Called on the validate path when a token's <c>kid</c> selects no key of <see cref="CurrentKeys"/>. The token is refused
    /// with <see cref="JwtErrorCode.KeyNotFound"/> either way; a remote source may start a refetch in the background, so that
    /// a later token sees a key the issuer has just rotated in. Must return at once and never throw. Does nothing by default.
    /// </summary>
    public virtual void OnKeyNotFound()
    {
    }

    /// <summary>A source of fixed keys.</summary>
    /// <param name="keys">The keys.</param>
    public static JwtKeySource FromKeys(JwtKeySet keys) => new StaticJwtKeySource(keys ?? throw new ArgumentNullException(nameof(keys)));

    /// <summary>Tells the validators built on this source that <see cref="CurrentKeys"/> changed, so that they forget tokens and headers verified with the previous keys.</summary>
    protected void OnKeysChanged() => Volatile.Read(ref _keysChanged)?.Invoke();

    /// <summary>Whether the keys never change (<see cref="FromKeys"/>), so that nothing needs to read the source but the signature check.</summary>
    internal virtual bool IsFixed => false;

    /// <summary>Registers a validator's reaction to <see cref="OnKeysChanged"/>.</summary>
    internal void Subscribe(Action onKeysChanged)
    {
        Action? current;
        do
        {
            current = Volatile.Read(ref _keysChanged);
        }
        while (Interlocked.CompareExchange(ref _keysChanged, current + onKeysChanged, current) != current);
    }

    private sealed class StaticJwtKeySource(JwtKeySet keys) : JwtKeySource
    {
        public override JwtKeySet? CurrentKeys => keys;

        internal override bool IsFixed => true;
    }
}
