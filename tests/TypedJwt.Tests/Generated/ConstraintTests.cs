namespace TypedJwt.Tests.Generated;

public class ConstraintTests
{
    private static readonly Constrained Valid = new() { Level = 5, Factor = 1.0, Tags = ["a", "b"], Short = "abc", Color = "red", Number = 1, Slug = "abc" };

    [Fact]
    public void A_valid_claim_set_passes()
    {
        Assert.True(Valid.ValidateConstraints().IsNone);
        Assert.True(new Constrained { Level = 1 }.ValidateConstraints().IsNone);
    }

    public static TheoryData<Constrained, string> Violations() => new()
    {
        { Valid with { Level = 0 }, "level" },
        { Valid with { Level = 11 }, "level" },
        { Valid with { Factor = 0.5 }, "factor" },
        { Valid with { Factor = 1.6 }, "factor" },
        { Valid with { Tags = ["a"] }, "tags" },
        { Valid with { Tags = ["a", "b", "c", "d"] }, "tags" },
        { Valid with { Short = "abcdef" }, "short" },
        { Valid with { Color = "blue" }, "color" },
        { Valid with { Number = 13 }, "number" },
        { Valid with { Steps = 0 }, "steps" },
        { Valid with { Steps = 11 }, "steps" },
        { Valid with { Price = 0.25m }, "price" },
        { Valid with { Price = 100.5m }, "price" },
        { Valid with { Slug = "abc1" }, "slug" },
        { Valid with { Slug = "ABC" }, "slug" },
        { Valid with { Address = new Address { Country = " " } }, "country" },
        { Valid with { Address = new Address { Country = "NL", PostalCode = "12" } }, "postal_code" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Violations_name_the_claim(Constrained value, string name)
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.ConstraintViolated, name), value.ValidateConstraints());
    }

    // DataAnnotations compares an int with [Range(0.5, 10.5)] as a double: 0 is below the minimum, 10 within the maximum.
    [Fact]
    public void A_fractional_bound_on_an_integer_claim_is_not_rounded()
    {
        Assert.True((Valid with { Steps = 1 }).ValidateConstraints().IsNone);
        Assert.True((Valid with { Steps = 10 }).ValidateConstraints().IsNone);
        Assert.True((Valid with { Price = 0.5m }).ValidateConstraints().IsNone);
        Assert.True((Valid with { Price = 100.25m }).ValidateConstraints().IsNone);
    }

    [Fact]
    public void Required_attribute_makes_the_claim_required_on_read()
    {
        Assert.Equal(JwtError.Create(JwtErrorCode.MissingClaim, "country"), Json.Error<Address>("{}"));
    }

    [Fact]
    public void Reading_does_not_check_constraints_until_asked()
    {
        Constrained read = Json.Read<Constrained>("""{"level":0}""");
        Assert.Equal(JwtError.Create(JwtErrorCode.ConstraintViolated, "level"), read.ValidateConstraints());
    }
}
