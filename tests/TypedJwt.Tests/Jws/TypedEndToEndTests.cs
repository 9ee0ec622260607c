using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TypedJwt.Tests.Generated;
using TypedJwt.Tests.Support;
using static TypedJwt.Tests.Jws.ValidatorTestKit;

namespace TypedJwt.Tests.Jws;

/// <summary>The RFC claims set, as users would declare it: registered claims plus a collision-resistant URI name.</summary>
[JwtPayload]
public sealed partial record RfcExampleClaims
{
    [JwtClaim("iss")] public required string Issuer { get; init; }
    [JwtClaim("exp")] public required DateTimeOffset ExpiresAt { get; init; }
    [JwtClaim("http://example.com/is_root")] public bool IsRoot { get; init; }
}

/// <summary>Generated claim types through the whole path: record → generated code → signed token → validated typed claims.</summary>
public class TypedEndToEndTests
{
    [Theory]
    [InlineData("rfc7515_appendixA.json", "rfc7515-A.1")]
    [InlineData("rfc7515_appendixA.json", "rfc7515-A.2")]
    [InlineData("rfc7515_appendixA.json", "rfc7515-A.3")]
    [InlineData("rfc7519_examples.json", "rfc7519-3.1")]
    public void Rfc_example_reads_into_typed_claims(string file, string id)
    {
        var example = RfcExampleTests.Case(file, id);
        var validator = new JwtValidator<RfcExampleClaims>(RfcExampleTests.KeyOf(example), new JwtValidationPolicy
        {
            ValidIssuers = ["joe"],
            SkipAudienceValidation = true,
            TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1300819380 - 60)),
        });

        Assert.True(validator.TryValidate(example.GetProperty("token").GetString(), out RfcExampleClaims? claims, out JwtError error), error.Message);
        Assert.Equal(new RfcExampleClaims { Issuer = "joe", ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1300819380), IsRoot = true }, claims);
    }

    private static AccessToken Claims() => new()
    {
        Issuer = "https://issuer.example",
        Subject = "alice",
        Audience = "api",
        ExpiresAt = Now.AddMinutes(10),
        Roles = ["user", "admin"],
        TenantId = Guid.Parse("7d0f3b5e-2c1a-4b8e-9f6d-1a2b3c4d5e6f"),
    };

    [Fact]
    public void Generated_claims_round_trip_through_a_signed_token()
    {
        AccessToken claims = Claims();
        string token = JwsWriter.Write(claims, Key);
        var validator = new JwtValidator<AccessToken>(Key, Policy());

        Assert.True(validator.TryValidate(token, out AccessToken? read, out JwtError error), error.Message);
        Assert.Equal(claims.Subject, read.Subject);
        Assert.Equal(claims.Roles.ToArray(), read.Roles.ToArray());
        Assert.Equal(claims.TenantId, read.TenantId);
        Assert.Equal(claims.ExpiresAt, read.ExpiresAt);
    }

    [Theory]
    [InlineData(""","sub":7""", JwtErrorCode.InvalidClaimType, "sub")]
    [InlineData(""","roles":"admin" """, JwtErrorCode.InvalidClaimType, "roles")]
    [InlineData(""","roles":["admin",1]""", JwtErrorCode.InvalidClaimType, "roles")]
    [InlineData(""","tenant_id":"not-a-guid" """, JwtErrorCode.InvalidClaimValue, "tenant_id")]
    [InlineData(""","sub":"alice","\u0073ub":"admin" """, JwtErrorCode.DuplicateMember, "sub")]
    [InlineData("", JwtErrorCode.MissingClaim, "sub")]
    [InlineData(""","sub":"\udfaa" """, JwtErrorCode.MalformedJson, "payload")]
    [InlineData(""","\udfaa":1""", JwtErrorCode.MalformedJson, "payload")]
    public void Typed_read_errors_name_the_claim_and_never_throw(string extra, JwtErrorCode code, string name)
    {
        string token = HandMadeToken.Sign(ValidHeader, ValidPayload(extra), Key);
        var validator = new JwtValidator<AccessToken>(Key, Policy());

        Assert.False(validator.TryValidate(token, out AccessToken? claims, out JwtError error));
        Assert.Null(claims);
        Assert.Equal(JwtError.Create(code, name), error);
    }

    [Fact]
    public void Validating_and_reading_allocates_no_more_than_building_the_claims_by_hand()
    {
        byte[] token = Encoding.ASCII.GetBytes(JwsWriter.Write(Claims(), Key));
        var validator = new JwtValidator<AccessToken>(Key, Policy());
        string issuer = "https://issuer.example", subject = "alice", audience = "api";

        // By hand: the strings, the roles array and the record, as a reader of those bytes would have to build them.
        long byHand = Allocated(() => _ = new AccessToken
        {
            Issuer = new string(issuer.AsSpan()),
            Subject = new string(subject.AsSpan()),
            Audience = new string(audience.AsSpan()),
            ExpiresAt = Now,
            Roles = ImmutableArray.Create(new string("user".AsSpan()), new string("admin".AsSpan())),
            TenantId = Guid.Empty,
        });
        long generated = Allocated(() => validator.TryValidate(token, out _, out _));

        Assert.True(generated <= byHand, $"validate + typed read allocated {generated} B per call, building by hand {byHand} B");
    }

    private static long Allocated(Action action)
    {
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }
}
