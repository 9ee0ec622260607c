namespace TypedJwt;

/// <summary>What a validator's verified-token cache has done since it was created, for metrics. Counts only grow.</summary>
/// <param name="Hits">Tokens accepted again from the cache, without their signature or decryption.</param>
/// <param name="Misses">Lookups of tokens not in the cache (or whose entry had expired), which were then verified in full.</param>
/// <param name="Evictions">Entries replaced to make room for another token.</param>
/// <param name="Entries">Tokens remembered now.</param>
/// <param name="Bytes">Bytes the remembered tokens and their claims take now.</param>
public readonly record struct VerifiedTokenCacheStatistics(long Hits, long Misses, long Evictions, int Entries, long Bytes);
