using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace TypedJwt.AspNetCore;

/// <summary>
/// One scheme's DPoP checks of a request, resolved once from <see cref="DpopOptions"/>: the <c>DPoP</c> header (exactly one),
/// the proof against the request (<see cref="DpopProofValidator"/>), the server nonce when required, and the proof's
/// <c>jti</c> marked used in the replay store, so that across the instances sharing it a proof is accepted once.
/// </summary>
internal sealed class DpopCheck
{
    public const string ProofHeader = "DPoP";
    public const string NonceHeader = "DPoP-Nonce";

    /// <summary>The <c>HttpContext.Items</c> key that marks a request whose proof (not token) was refused.</summary>
    public const string ProofRefusedItem = "TypedJwt.DpopProofRefused";

    private readonly DpopOptions _options;
    private readonly DpopNonces? _nonces;
    private readonly IJwtRevocationStore _store;
    private readonly TimeProvider _time;

    private DpopCheck(DpopOptions options, IJwtRevocationStore store, TimeProvider time)
    {
        _options = options;
        _store = store;
        _time = time;
        Validator = new DpopProofValidator(new DpopProofValidationOptions
        {
            TimeProvider = time,
            IssuedAtWindow = options.IssuedAtWindow,
            Algorithms = options.Algorithms,
        });
        AlgorithmNames = Validator.AlgorithmNames;
        if (options.RequireNonce)
        {
            byte[] key = options.NonceKey ?? RandomNumberGenerator.GetBytes(32);
            if (key.Length < 32)
            {
                throw new ArgumentException("The DPoP NonceKey must be at least 32 bytes.");
            }

            _nonces = new DpopNonces(key, options.NonceLifetime, time);
        }
    }

    public DpopProofValidator Validator { get; }

    public string AlgorithmNames { get; }

    public DpopMode Mode => _options.Mode;

    /// <summary>The scheme's check, made on first use from its options and the request's services.</summary>
    public static DpopCheck For(DpopOptions options, IServiceProvider services, TimeProvider time)
    {
        if (options.Check is { } check)
        {
            return check;
        }

        IJwtRevocationStore store = options.ReplayStore ?? services.GetService<IJwtRevocationStore>() ?? SharedStore(time);
        if (!store.CanMarkUsed)
        {
            throw new InvalidOperationException(
                $"DPoP replay protection needs a store that marks entries used atomically; {store.GetType().Name} cannot (use TypedJwt.Redis's RedisJwtRevocationStore, or the in-memory store for one process).");
        }

        // Two first requests may both build one; they are equivalent, and one is kept.
        return options.Check ??= new DpopCheck(options, store, time);
    }

    /// <summary>A fresh server nonce, or null when nonces are off.</summary>
    public string? NewNonce() => _nonces?.Create();

    /// <summary>
    /// Checks the request's proof. <paramref name="accessToken"/> and <paramref name="jwkThumbprint"/> are the presented
    /// token and its <c>cnf.jkt</c> (both null at a token endpoint).
    /// </summary>
    public ValueTask<DpopProofResult> CheckAsync(HttpContext context, string? accessToken, string? jwkThumbprint)
    {
        StringValues header = context.Request.Headers[ProofHeader];
        if (header.Count != 1 || string.IsNullOrEmpty(header[0]))
        {
            return new(DpopProofResult.Refused(JwtError.Create(JwtErrorCode.DpopProofMissing, ProofHeader), header.Count > 0));
        }

        if (!DpopRequestUri.TryCreate(context.Request, _options.PublicOrigin, out Uri? uri))
        {
            return new(DpopProofResult.Refused(JwtError.Create(JwtErrorCode.DpopUriMismatch, "htu"), present: true));
        }

        var request = new DpopRequest(context.Request.Method, uri!, accessToken, jwkThumbprint);
        if (!Validator.TryValidate(header[0], in request, out ValidatedDpopProof? proof, out JwtError error))
        {
            return new(DpopProofResult.Refused(error, present: true));
        }

        if (_nonces is not null && !_nonces.IsValid(proof.Payload.Nonce))
        {
            return new(DpopProofResult.Refused(JwtError.Create(JwtErrorCode.DpopNonceRequired, "nonce"), present: true, _nonces.Create()));
        }

        return MarkUsedAsync(proof, context.RequestAborted);
    }

    // The proof is accepted until iat + window, so its jti is kept that long (from now, if iat lies ahead). Scoped by the
    // key's thumbprint: a client can only spend identifiers of proofs its own key signs.
    private async ValueTask<DpopProofResult> MarkUsedAsync(ValidatedDpopProof proof, CancellationToken requestAborted)
    {
        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset iat = proof.Payload.IssuedAt;
        DateTimeOffset keepUntil = (iat > now ? iat : now) + _options.IssuedAtWindow + TimeSpan.FromSeconds(1);
        try
        {
            ValueTask<bool> marking = _store.TryMarkUsedAsync("dpop:" + proof.JwkThumbprint, proof.Payload.TokenId, keepUntil, requestAborted);
            bool first = marking.IsCompletedSuccessfully
                ? marking.Result
                : await marking.AsTask().WaitAsync(_options.ReplayStoreTimeout, _time, requestAborted).ConfigureAwait(false);
            return first ? DpopProofResult.Accepted(proof) : DpopProofResult.Refused(JwtError.Create(JwtErrorCode.DpopProofReplayed, "jti"), present: true);
        }
        catch (Exception)
        {
            // Fail closed: without the store a replayed proof could not be told apart. The handler answers 503.
            return DpopProofResult.Refused(JwtError.Create(JwtErrorCode.RevocationUnavailable, "jti"), present: true);
        }
    }

    private static InMemoryJwtRevocationStore? s_sharedStore;

    private static InMemoryJwtRevocationStore SharedStore(TimeProvider time) =>
        LazyInitializer.EnsureInitialized(ref s_sharedStore, () => new InMemoryJwtRevocationStore(time));
}
