using System;

namespace TypedJwt;

/// <summary>
/// Limits of a validator's verified-token cache. A client sends the same token with every request until it expires, so a
/// validator that remembers the exact tokens it fully verified can accept them again without redoing the signature or
/// decryption and without reading the header; the claims are still read and the time claims (<c>exp</c>, <c>nbf</c>,
/// <c>iat</c>) checked against the clock on every hit. The cache is bounded in entries, bytes and entry size, an entry
/// lives at most until the token's <c>exp</c> and <see cref="MaxLifetime"/>, and only tokens that passed every check are
/// stored. Off unless a validator is given these options (TypedJwt.AspNetCore turns it on by default).
/// </summary>
public sealed class VerifiedTokenCacheOptions
{
    /// <summary>The default <see cref="MaxEntries"/>: 10,000.</summary>
    public const int DefaultMaxEntries = 10_000;

    /// <summary>The default <see cref="MaxBytes"/>: 32 MiB.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    /// <summary>The default <see cref="MaxTokenLength"/>: 4096 bytes.</summary>
    public const int DefaultMaxTokenLength = 4096;

    /// <summary>The default <see cref="MaxLifetime"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultMaxLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The most tokens remembered at once; more evict older ones. Default 10,000; at least 1, at most 1,048,576.</summary>
    public int MaxEntries { get; init; } = DefaultMaxEntries;

    /// <summary>The most bytes the remembered tokens and their claims take together; beyond it a token is not remembered. Default 32 MiB.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The longest token remembered; longer ones are verified every time. Default 4096 bytes.</summary>
    public int MaxTokenLength { get; init; } = DefaultMaxTokenLength;

    /// <summary>The longest a token is remembered, even when its <c>exp</c> is later. Default 5 minutes.</summary>
    public TimeSpan MaxLifetime { get; init; } = DefaultMaxLifetime;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    internal void EnsureValid()
    {
        if (MaxEntries is < 1 or > 1 << 20)
        {
            throw new ArgumentException("VerifiedTokenCacheOptions.MaxEntries must be between 1 and 1,048,576.", "cache");
        }

        if (MaxBytes < 1)
        {
            throw new ArgumentException("VerifiedTokenCacheOptions.MaxBytes must be positive.", "cache");
        }

        if (MaxTokenLength < 1)
        {
            throw new ArgumentException("VerifiedTokenCacheOptions.MaxTokenLength must be positive.", "cache");
        }

        if (MaxLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("VerifiedTokenCacheOptions.MaxLifetime must be positive.", "cache");
        }
    }
}
