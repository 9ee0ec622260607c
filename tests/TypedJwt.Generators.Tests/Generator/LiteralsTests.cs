using TypedJwt.Generators.Model;
using TypedJwt.Generators.Parsing;

namespace TypedJwt.Generators.Tests.Generator;

/// <summary>Attribute arguments become literals of the claim's type, as a person would write them, never casts.</summary>
public class LiteralsTests
{
    public static TheoryData<object, string, string?> Numbers() => new()
    {
        { 13, nameof(ClaimKind.Int32), "13" },
        { 13, nameof(ClaimKind.Int64), "13L" },
        { 13L, nameof(ClaimKind.Int64), "13L" },
        { -5, nameof(ClaimKind.Int64), "-5L" },
        { 13, nameof(ClaimKind.Double), "13d" },
        { 0.5, nameof(ClaimKind.Double), "0.5d" },
        { 0.5, nameof(ClaimKind.Decimal), "0.5m" },
        { 100.25, nameof(ClaimKind.Decimal), "100.25m" },
        { 13, nameof(ClaimKind.Decimal), "13m" },
        { 2.0, nameof(ClaimKind.Int32), "2" },
        { 5UL, nameof(ClaimKind.Int32), "5" },
        // Values the claim's type cannot hold exactly have no literal of that type.
        { 0.5, nameof(ClaimKind.Int32), null },
        { 5_000_000_000L, nameof(ClaimKind.Int32), null },
        { ulong.MaxValue, nameof(ClaimKind.Int64), null },
        { 1e300, nameof(ClaimKind.Decimal), null },
        { double.NaN, nameof(ClaimKind.Int64), null },
        { (1L << 53) + 1, nameof(ClaimKind.Double), null },
        { "13", nameof(ClaimKind.Int32), null },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void A_number_is_a_literal_of_the_claim_s_type_when_it_holds_it_exactly(object value, string kind, string? expected)
    {
        Assert.Equal(expected, Literals.Numeric(value, Enum.Parse<ClaimKind>(kind)));
    }
}
