using System.Text;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.Tests.Generated;
using TypedJwt.Tests.Jwe;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>
/// The verified-token cache's safety rules, each on its own: a hit is only the exact token that passed every check; the
/// clock is consulted on every hit; failures are never stored; it is bounded whatever comes; what it hands out cannot be
/// changed by one caller under another; it forgets on a change of keys; and a hit costs no allocation beyond the result.
/// </summary>
public class VerifiedTokenCacheTests
{
    private static readonly VerifiedTokenCacheOptions Options = new();

    private static (JwtValidator<AccessToken> Validator, FakeTimeProvider Clock) Cached(VerifiedTokenCacheOptions? options = null, JwtValidationPolicy? policy = null)
    {
        var clock = new FakeTimeProvider(Now);
        policy ??= Policy(p => new JwtValidationPolicy { ValidIssuers = p.ValidIssuers, ValidAudiences = p.ValidAudiences, TimeProvider = clock });
        return (new JwtValidator<AccessToken>(new JwtKeySet(Key), policy, options ?? Options), clock);
    }

    private static string Token(long expiresIn = 600, string subject = "alice", string extra = "") => HandMadeToken.Sign(
        ValidHeader,
        $$"""{"iss":"https://issuer.example","sub":"{{subject}}","aud":"api","exp":{{NowSeconds + expiresIn}},"roles":["a"]{{extra}}}""",
        Key);

    private static VerifiedTokenCacheStatistics Stats(IJwtValidator<AccessToken> validator) => validator.CacheStatistics!.Value;

    [Fact]
    public void A_token_verified_before_is_a_hit_and_reads_the_same_claims()
    {
        (JwtValidator<AccessToken> validator, _) = Cached();
        string token = Token();

        Assert.True(validator.TryValidate(token, out AccessToken? first, out _));
        Assert.True(validator.TryValidate(token, out AccessToken? second, out JwtError error), error.Message);
        Assert.Equal(JwtError.None, validator.Validate(Encoding.ASCII.GetBytes(token)));

        Assert.Equal((first.Subject, first.ExpiresAt, first.Roles.Single()), (second.Subject, second.ExpiresAt, second.Roles.Single()));
        Assert.Equal(new VerifiedTokenCacheStatistics(Hits: 2, Misses: 1, Evictions: 0, Entries: 1, Bytes: Stats(validator).Bytes), Stats(validator));
        Assert.Null(new JwtValidator<AccessToken>(Key, Policy()).CacheStatistics);
    }

    [Fact]
    public void Only_the_exact_token_hits_even_when_a_hash_collides()
    {
        (JwtValidator<AccessToken> validator, _) = Cached();
        string token = Token();
        Assert.Equal(JwtError.None, validator.Validate(token));

        // The signature's last character changed: another token, whose signature fails.
        string other = token[..^1] + (token[^1] == 'A' ? 'Q' : 'A');
        Assert.Equal(JwtErrorCode.InvalidSignature, validator.Validate(other).Code);

        // And at the level of the table: the same slot index, a different token, is no match.
        var cache = new VerifiedTokenCache(new VerifiedTokenCacheOptions { MaxEntries = 2 });
        byte[] stored = Encoding.ASCII.GetBytes(token);
        byte[] sameLength = Encoding.ASCII.GetBytes(other);
        cache.Add(stored, 42, "{}"u8, default, Now.UtcTicks);
        Assert.True(cache.TryGet(stored, 42, Now.UtcTicks, out _));
        Assert.False(cache.TryGet(sameLength, 42, Now.UtcTicks, out _));
        Assert.False(cache.TryGet(stored.AsSpan(0, stored.Length - 1), 42, Now.UtcTicks, out _));
    }

    [Fact]
    public void The_fixed_time_comparison_answers_as_the_platform_one()
    {
        var random = new Random(20261202);
        for (int length = 0; length < 80; length++)
        {
            byte[] left = new byte[length];
            random.NextBytes(left);
            for (int changed = -1; changed < length; changed++)
            {
                byte[] right = (byte[])left.Clone();
                if (changed >= 0)
                {
                    right[changed] ^= (byte)(1 << random.Next(8));
                }

                Assert.Equal(System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(left, right), VerifiedTokenCache.FixedTimeEquals(left, right));
            }

            Assert.False(VerifiedTokenCache.FixedTimeEquals(left, [.. left, 0]));
        }
    }

    [Fact]
    public void Exp_is_checked_against_the_clock_on_every_hit()
    {
        (JwtValidator<AccessToken> validator, FakeTimeProvider clock) = Cached(new VerifiedTokenCacheOptions { MaxLifetime = TimeSpan.FromHours(1) });
        string token = Token(expiresIn: 60);
        Assert.Equal(JwtError.None, validator.Validate(token));

        // The entry lives until exp; within the leeway after it, the token is verified in full again and still accepted.
        clock.Advance(TimeSpan.FromSeconds(70));
        Assert.Equal(JwtError.None, validator.Validate(token));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(JwtError.Create(JwtErrorCode.Expired, "exp"), validator.Validate(token));
        Assert.False(validator.TryValidate(token, out _, out JwtError error));
        Assert.Equal(JwtErrorCode.Expired, error.Code);
    }

    [Fact]
    public void Nbf_and_the_token_age_are_checked_on_every_hit()
    {
        var clock = new FakeTimeProvider(Now);
        JwtValidationPolicy policy = new()
        {
            ValidIssuers = ["https://issuer.example"],
            ValidAudiences = ["api"],
            TimeProvider = clock,
            MaxTokenAge = TimeSpan.FromMinutes(2),
        };
        (JwtValidator<AccessToken> validator, _) = Cached(policy: policy);
        string aged = Token(extra: $",\"iat\":{NowSeconds}");

        Assert.Equal(JwtError.None, validator.Validate(aged));
        Assert.True(validator.TryValidate(aged, out _, out _));
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(JwtError.Create(JwtErrorCode.TokenTooOld, "iat"), validator.Validate(aged));
        Assert.False(validator.TryValidate(aged, out _, out JwtError error));
        Assert.Equal(JwtErrorCode.TokenTooOld, error.Code);
        Assert.True(Stats(validator).Hits >= 2);

        // A token not valid yet is refused, so never stored; once valid it is.
        (JwtValidator<AccessToken> fresh, FakeTimeProvider freshClock) = Cached();
        string later = Token(extra: $",\"nbf\":{NowSeconds + 120}");
        Assert.Equal(JwtErrorCode.NotYetValid, fresh.Validate(later).Code);
        Assert.Equal(JwtErrorCode.NotYetValid, fresh.Validate(later).Code);
        freshClock.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(JwtError.None, fresh.Validate(later));
        Assert.Equal(JwtError.None, fresh.Validate(later));
        Assert.Equal((1L, 3L), (Stats(fresh).Hits, Stats(fresh).Misses));
    }

    [Fact]
    public void Refused_tokens_are_never_stored()
    {
        (JwtValidator<AccessToken> validator, _) = Cached();
        string[] refused =
        [
            HandMadeToken.Sign(ValidHeader, ValidPayload(), OtherKey),
            Token(expiresIn: -600),
            HandMadeToken.Sign(ValidHeader, $$"""{"iss":"https://issuer.example","sub":"a","aud":"other","exp":{{NowSeconds + 600}}}""", Key),
            HandMadeToken.Sign("""{"alg":"HS256","typ":"JWT","kid":"k1"}""", ValidPayload(), Key),
        ];

        foreach (string token in refused.Concat(refused))
        {
            Assert.NotEqual(JwtError.None, validator.Validate(token));
            Assert.False(validator.TryValidate(token, out _, out _));
        }

        Assert.Equal(new VerifiedTokenCacheStatistics(0, 16, 0, 0, 0), Stats(validator));
    }

    [Fact]
    public void A_token_that_fails_only_its_declared_constraints_is_never_a_hit_for_the_typed_read()
    {
        // Validate checks no declared constraint, so it may store a token whose typed read then fails: the typed read of a
        // hit is run again, constraints included, and still fails.
        var clock = new FakeTimeProvider(Now);
        var validator = new JwtValidator<Constrained>(
            new JwtKeySet(Key), new JwtValidationPolicy { SkipIssuerValidation = true, SkipAudienceValidation = true, RequireExpirationTime = false, TimeProvider = clock }, Options);
        string token = HandMadeToken.Sign("""{"alg":"HS256","kid":"k1"}""", """{"level":99}""", Key);

        Assert.Equal(JwtError.None, validator.Validate(token));
        for (int i = 0; i < 2; i++)
        {
            Assert.False(validator.TryValidate(token, out _, out JwtError error));
            Assert.Equal(JwtError.Create(JwtErrorCode.ConstraintViolated, "level"), error);
        }
    }

    [Fact]
    public void A_million_distinct_valid_tokens_stay_within_the_bounds()
    {
        var options = new VerifiedTokenCacheOptions { MaxEntries = 1000, MaxBytes = 512 * 1024 };
        var validator = new JwtValidator<AnyAccessTokenClaims>(new JwtKeySet(Key), Policy(), options);
        byte[] destination = new byte[1024];

        for (int i = 0; i < 1_000_000; i++)
        {
            // Distinct tokens: the same claims and a counter claim, each signed.
            int length = WriteDistinct(i, destination);
            Assert.Equal(JwtError.None, validator.Validate(destination.AsSpan(0, length)));
        }

        VerifiedTokenCacheStatistics stats = validator.CacheStatistics!.Value;
        Assert.True(stats.Entries <= options.MaxEntries, $"{stats}");
        Assert.True(stats.Bytes <= options.MaxBytes, $"{stats}");
        Assert.True(stats.Evictions > 900_000, $"{stats}");
    }

    private static int WriteDistinct(int i, byte[] destination)
    {
        string payload = $$"""{"iss":"https://issuer.example","aud":"api","exp":{{NowSeconds + 600}},"n":{{i}}}""";
        string token = HandMadeToken.Sign(ValidHeader, payload, Key);
        return Encoding.ASCII.GetBytes(token, destination);
    }

    [Fact]
    public void Tokens_longer_than_the_entry_limit_are_verified_every_time()
    {
        (JwtValidator<AccessToken> validator, _) = Cached(new VerifiedTokenCacheOptions { MaxTokenLength = 300 });
        string longToken = Token(extra: ",\"note\":\"" + new string('x', 400) + "\"");

        Assert.Equal(JwtError.None, validator.Validate(longToken));
        Assert.Equal(JwtError.None, validator.Validate(longToken));
        Assert.Equal(new VerifiedTokenCacheStatistics(0, 0, 0, 0, 0), Stats(validator));
    }

    [Fact]
    public void An_entry_lives_at_most_MaxLifetime()
    {
        (JwtValidator<AccessToken> validator, FakeTimeProvider clock) = Cached(new VerifiedTokenCacheOptions { MaxLifetime = TimeSpan.FromMinutes(1) });
        string token = Token(expiresIn: 3600);

        validator.Validate(token);
        clock.Advance(TimeSpan.FromSeconds(59));
        validator.Validate(token);
        clock.Advance(TimeSpan.FromSeconds(2));
        validator.Validate(token);

        Assert.Equal((1L, 2L), (Stats(validator).Hits, Stats(validator).Misses));
    }

    [Fact]
    public void Each_hit_hands_out_a_fresh_payload()
    {
        var validator = new JwtValidator<EveryType>(
            new JwtKeySet(Key), new JwtValidationPolicy { SkipIssuerValidation = true, SkipAudienceValidation = true, RequireExpirationTime = false, TimeProvider = new FakeTimeProvider(Now) }, Options);
        string token = HandMadeToken.Sign("""{"alg":"HS256","kid":"k1"}""", """{"tags":["a","b"]}""", Key);

        Assert.True(validator.TryValidate(token, out EveryType? first, out _));
        first.Tags![0] = "changed by the first caller";
        Assert.True(validator.TryValidate(token, out EveryType? second, out _));

        Assert.NotSame(first, second);
        Assert.Equal(["a", "b"], second.Tags!);
        Assert.Equal(1, validator.CacheStatistics!.Value.Hits);
    }

    [Fact]
    public void An_immutable_payload_is_shared_and_its_times_still_meet_the_clock()
    {
        // AccessToken is a record of init-only strings, dates and ImmutableArray: nothing in it can change, so one instance
        // serves every caller (EveryType, with arrays and setters, gets a fresh one: see above).
        (JwtValidator<AccessToken> validator, FakeTimeProvider clock) = Cached(new VerifiedTokenCacheOptions { MaxLifetime = TimeSpan.FromHours(1) });
        string token = Token(expiresIn: 120);

        Assert.True(validator.TryValidate(token, out AccessToken? first, out _));
        Assert.True(validator.TryValidate(token, out AccessToken? second, out _));
        Assert.Same(first, second);

        clock.Advance(TimeSpan.FromSeconds(100));
        Assert.True(validator.TryValidate(token, out AccessToken? third, out _));
        Assert.Same(first, third);

        // Past exp and the leeway: refused, the shared instance notwithstanding.
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.False(validator.TryValidate(token, out AccessToken? late, out JwtError error));
        Assert.Null(late);
        Assert.Equal(JwtError.Create(JwtErrorCode.Expired, "exp"), error);
    }

    [Fact]
    public void A_token_first_stored_by_Validate_shares_its_payload_from_the_first_typed_read()
    {
        (JwtValidator<AccessToken> validator, _) = Cached();
        string token = Token();

        Assert.Equal(JwtError.None, validator.Validate(token));
        Assert.True(validator.TryValidate(token, out AccessToken? first, out _));
        Assert.True(validator.TryValidate(token, out AccessToken? second, out _));

        Assert.Same(first, second);
        Assert.Equal(2, Stats(validator).Hits);
    }

    [Fact]
    public void A_change_of_keys_forgets_every_token()
    {
        (JwtValidator<AccessToken> validator, _) = Cached();
        string token = Token();
        validator.Validate(token);

        validator.InvalidateCache();
        validator.Validate(token);
        validator.Validate(token);

        Assert.Equal((1L, 2L), (Stats(validator).Hits, Stats(validator).Misses));
    }

    [Fact]
    public void Hits_allocate_nothing_beyond_the_typed_result()
    {
        (JwtValidator<AccessToken> validator, _) = Cached();
        byte[] token = Encoding.ASCII.GetBytes(Token());
        validator.Validate(token);

        long hitsBefore = Stats(validator).Hits;
        long allocated = AllocationTests.AllocatedBy(() => validator.Validate(token));
        Assert.True(Stats(validator).Hits > hitsBefore, $"{Stats(validator)}");
        Assert.Equal(0, allocated);
        string chars = Encoding.ASCII.GetString(token);
        Assert.Equal(0, AllocationTests.AllocatedBy(() => validator.Validate(chars.AsSpan())));
        // The typed result itself is shared for an immutable payload type such as AccessToken, so a typed hit allocates nothing.
        Assert.Equal(0, AllocationTests.AllocatedBy(() => validator.TryValidate(token, out _, out _)));
        Assert.True(Stats(validator).Hits > 300);
    }

    [Fact]
    public void Typed_headers_are_read_in_full_and_bypass_the_cache()
    {
        (JwtValidator<AccessToken> validator, _) = Cached();
        string token = JwsWriter.Write(new AccessToken { Issuer = "https://issuer.example", Subject = "a", Audience = "api", ExpiresAt = Now.AddMinutes(5) }, new TenantHeader("acme"), Key);

        Assert.True(validator.TryValidate<TenantHeader>(token.AsSpan(), out _, out TenantHeader? header, out _));
        Assert.True(validator.TryValidate<TenantHeader>(token.AsSpan(), out _, out header, out _));
        Assert.Equal("acme", header!.Tenant);
        Assert.Equal(new VerifiedTokenCacheStatistics(0, 0, 0, 0, 0), Stats(validator));
    }

    [Fact]
    public async Task Concurrent_validations_of_the_same_tokens_agree()
    {
        (JwtValidator<AccessToken> validator, _) = Cached(new VerifiedTokenCacheOptions { MaxEntries = 4 });
        string[] tokens = [.. Enumerable.Range(0, 16).Select(i => Token(subject: "user" + i))];

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                int which = (i * 7 + t) % tokens.Length;
                Assert.True(validator.TryValidate(tokens[which], out AccessToken? read, out JwtError error), error.Message);
                Assert.Equal("user" + which, read.Subject);
            }
        })));

        VerifiedTokenCacheStatistics stats = Stats(validator);
        Assert.Equal(8000, stats.Hits + stats.Misses);
        Assert.True(stats.Entries <= 4);
    }

    [Fact]
    public void Encrypted_and_nested_tokens_are_cached_too()
    {
        JwtEncryptionKey key = JweTestKit.KeyFor(JweAlgorithm.A256KW, JweEncryption.A256GCM);
        var plain = new JweValidator<PatientRecord>(new JwtEncryptionKeySet(key), JweTestKit.Policy(), Options);
        var nested = new NestedJwtValidator<AnyAccessTokenClaims>(new JwtEncryptionKeySet(key), new JwtKeySet(Key), Policy(), Options);
        string jwe = JweWriter.Write(JweTestKit.Record(), key);
        string sealedToken = JweWriter.WriteNested(new AnyAccessTokenClaims(), Key, key);

        for (int i = 0; i < 3; i++)
        {
            Assert.True(plain.TryValidate(jwe, out PatientRecord? record, out _));
            Assert.Equal("J45.909", record.Diagnosis);
            Assert.Equal(JwtError.None, nested.Validate(sealedToken.AsSpan()));
        }

        Assert.Equal(2, plain.CacheStatistics!.Value.Hits);
        Assert.Equal(2, nested.CacheStatistics!.Value.Hits);
    }

    [Fact]
    public void Options_out_of_range_are_refused_when_the_validator_is_made()
    {
        foreach ((VerifiedTokenCacheOptions options, string setting) in new[]
        {
            (new VerifiedTokenCacheOptions { MaxEntries = 0 }, "MaxEntries"),
            (new VerifiedTokenCacheOptions { MaxEntries = (1 << 20) + 1 }, "MaxEntries"),
            (new VerifiedTokenCacheOptions { MaxBytes = 0 }, "MaxBytes"),
            (new VerifiedTokenCacheOptions { MaxTokenLength = 0 }, "MaxTokenLength"),
            (new VerifiedTokenCacheOptions { MaxLifetime = TimeSpan.Zero }, "MaxLifetime"),
        })
        {
            Assert.Contains(setting, Assert.Throws<ArgumentException>(() => new JwtValidator<AccessToken>(new JwtKeySet(Key), Policy(), options)).Message);
        }
    }
}
