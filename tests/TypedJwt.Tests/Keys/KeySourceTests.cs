using System.Text;
using TypedJwt.Tests.Support;

namespace TypedJwt.Tests.Keys;

/// <summary>
/// Validators on a <see cref="JwtKeySource"/>: one snapshot read per token, no allocation beyond fixed keys, the refetch hint
/// on an unknown kid, KeysUnavailable without keys, a swapped snapshot taking effect at once; and the issuer registry
/// (<see cref="JwtIssuerValidator{TPayload}"/>), which chooses by iss before any key is touched.
/// </summary>
public sealed class KeySourceTests
{
    private const string IssuerA = "https://a.example";
    private const string IssuerB = "https://b.example";
    private const string Audience = "api";

    private static readonly JwtSigningKey KeyA = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Encoding.ASCII.GetBytes("issuer-a-secret-issuer-a-secret-"), "k1");
    private static readonly JwtSigningKey KeyB = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, Encoding.ASCII.GetBytes("issuer-b-secret-issuer-b-secret-"), "k1");

    private static string Token(JwtSigningKey key, string issuer, string kid = "k1") => HandMadeToken.Sign(
        $"{{\"alg\":\"HS256\",\"kid\":\"{kid}\"}}",
        $"{{\"iss\":\"{issuer}\",\"aud\":\"{Audience}\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}",
        key);

    private sealed class CountingSource(JwtKeySet? keys) : JwtKeySource
    {
        public JwtKeySet? Keys { get; set; } = keys;

        public int Reads;

        public int Misses;

        public override JwtKeySet? CurrentKeys
        {
            get
            {
                Reads++;
                return Keys;
            }
        }

        public override void OnKeyNotFound() => Misses++;

        public void Swap(JwtKeySet keys)
        {
            Keys = keys;
            OnKeysChanged();
        }
    }

    [Fact]
    public void A_source_is_read_once_per_token_and_an_unknown_kid_is_reported_to_it()
    {
        var source = new CountingSource(new JwtKeySet(KeyA));
        var validator = new JwtValidator<AnyClaims>(source, JwtValidationPolicy.For(IssuerA, Audience));

        Assert.Equal(JwtError.None, validator.Validate(Token(KeyA, IssuerA).AsSpan()));
        Assert.Equal(1, source.Reads);
        Assert.Equal(JwtErrorCode.KeyNotFound, validator.Validate(Token(KeyA, IssuerA, kid: "other").AsSpan()).Code);
        Assert.Equal(1, source.Misses);
    }

    [Fact]
    public void Without_keys_the_refusal_is_KeysUnavailable()
    {
        var validator = new JwtValidator<AnyClaims>(new CountingSource(null), JwtValidationPolicy.For(IssuerA, Audience));

        JwtError error = validator.Validate(Token(KeyA, IssuerA).AsSpan());

        Assert.Equal(JwtErrorCode.KeysUnavailable, error.Code);
        Assert.Contains("could not be fetched", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swapped_snapshot_applies_to_the_next_token_even_with_the_caches()
    {
        var source = new CountingSource(new JwtKeySet(KeyA));
        var validator = new JwtValidator<AnyClaims>(source, JwtValidationPolicy.For(IssuerA, Audience), new VerifiedTokenCacheOptions());
        string token = Token(KeyA, IssuerA);
        Assert.True(validator.TryValidate(token, out _, out _));
        Assert.True(validator.TryValidate(token, out _, out _));

        // Same kid, other key material: neither the accepted-header cache nor the verified-token cache may keep the old key.
        source.Swap(new JwtKeySet(KeyB));

        Assert.False(validator.TryValidate(token, out _, out JwtError error));
        Assert.Equal(JwtErrorCode.InvalidSignature, error.Code);
    }

    [Fact]
    public void Validating_with_a_source_allocates_no_more_than_with_fixed_keys()
    {
        byte[] token = Encoding.ASCII.GetBytes(Token(KeyA, IssuerA));
        var fixedKeys = new JwtValidator<AnyClaims>(new JwtKeySet(KeyA), JwtValidationPolicy.For(IssuerA, Audience));
        var fromSource = new JwtValidator<AnyClaims>(new CountingSource(new JwtKeySet(KeyA)), JwtValidationPolicy.For(IssuerA, Audience));

        long baseline = Measure(() => fixedKeys.Validate(token));
        long measured = Measure(() => fromSource.Validate(token));

        Assert.Equal(JwtError.None, fromSource.Validate(token));
        Assert.True(measured <= baseline, $"{measured} B with a source, {baseline} B with fixed keys");
    }

    [Fact]
    public void An_issuer_registry_chooses_by_iss_and_keys_never_cross()
    {
        var sourceA = new CountingSource(new JwtKeySet(KeyA));
        var sourceB = new CountingSource(new JwtKeySet(KeyB));
        var registry = new JwtIssuerValidator<AnyClaims>(
        [
            new(IssuerA, new JwtValidator<AnyClaims>(sourceA, JwtValidationPolicy.For(IssuerA, Audience))),
            new(IssuerB, new JwtValidator<AnyClaims>(sourceB, JwtValidationPolicy.For(IssuerB, Audience))),
        ]);

        Assert.Equal(JwtError.None, registry.Validate(Token(KeyA, IssuerA).AsSpan()));
        Assert.Equal(JwtError.None, registry.Validate(Token(KeyB, IssuerB).AsSpan()));
        Assert.Equal(JwtErrorCode.InvalidSignature, registry.Validate(Token(KeyA, IssuerB).AsSpan()).Code);
        Assert.Equal(JwtErrorCode.InvalidSignature, registry.Validate(Token(KeyB, IssuerA).AsSpan()).Code);

        int reads = sourceA.Reads + sourceB.Reads;
        Assert.Equal(JwtError.Create(JwtErrorCode.InvalidIssuer, "iss"), registry.Validate(Token(KeyA, "https://c.example").AsSpan()));
        Assert.Equal(JwtErrorCode.MissingClaim, registry.Validate(HandMadeToken.Sign("{\"alg\":\"HS256\",\"kid\":\"k1\"}", "{\"aud\":\"api\"}", KeyA).AsSpan()).Code);
        Assert.Equal(reads, sourceA.Reads + sourceB.Reads);
    }

    [Fact]
    public void A_registered_validator_must_accept_its_issuer_alone()
    {
        var both = new JwtValidationPolicy { ValidIssuers = [IssuerA, IssuerB], ValidAudiences = [Audience] };

        var error = Assert.Throws<ArgumentException>(() => new JwtIssuerValidator<AnyClaims>(
            [new(IssuerA, new JwtValidator<AnyClaims>(new JwtKeySet(KeyA), both))]));

        Assert.Contains("must accept that issuer and no other", error.Message, StringComparison.Ordinal);
    }

    private static long Measure(Action action)
    {
        for (int i = 0; i < 50; i++)
        {
            action();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
