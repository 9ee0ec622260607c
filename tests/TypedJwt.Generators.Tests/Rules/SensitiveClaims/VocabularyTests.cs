using TypedJwt.Generators.Model;
using TypedJwt.Generators.Sensitivity;

namespace TypedJwt.Generators.Tests.Rules.SensitiveClaims;

/// <summary>The word splitter and the vocabulary on their own, without a compilation (claim kinds by name: the enum is internal).</summary>
public class VocabularyTests
{
    [Theory]
    [InlineData("PasswordHash", "password hash")]
    [InlineData("apiKey", "api key")]
    [InlineData("SSNNumber", "ssn number")]
    [InlineData("UserSSN", "user ssn")]
    [InlineData("client_secret", "client secret")]
    [InlineData("x-api-key", "x api key")]
    [InlineData("Cvv2", "cvv 2")]
    [InlineData("Address2Line", "address 2 line")]
    [InlineData("ClassName", "class name")]
    [InlineData("Secretary", "secretary")]
    [InlineData("TOTPSecret", "totp secret")]
    [InlineData("urn:example:pin", "urn example pin")]
    [InlineData("", "")]
    public void Splits_into_lower_case_words(string name, string words) => Assert.Equal(words, string.Join(" ", WordSplitter.Split(name)));

    [Theory]
    [InlineData("password", "String", "password")]
    [InlineData("user_passwords", "String", "password")]
    [InlineData("home_addresses", "String", "home address")]
    [InlineData("mothers_maiden_name", "String", "mother's maiden name")]
    [InlineData("dob", "DateOnly", "date of birth")]
    [InlineData("pin", "Int32", "pin")]
    [InlineData("NationalId", "String", "national id")]
    public void Matches_phrases_and_plurals(string name, string kind, string label)
        => Assert.Equal(label, Vocabulary.Default.Match(WordSplitter.Split(name), c => ValueShapes.CanHold(c, Enum.Parse<ClaimKind>(kind)))?.Label);

    [Theory]
    [InlineData("password_changed_at", "String")]
    [InlineData("pin", "Boolean")]
    [InlineData("password", "NumericDate")]
    [InlineData("ssn", "Boolean")]
    [InlineData("pinned", "String")]
    [InlineData("passing", "String")]
    [InlineData("api_key_thumbprint", "String")]
    public void Does_not_match_metadata_shapes_or_other_words(string name, string kind)
        => Assert.Null(Vocabulary.Default.Match(WordSplitter.Split(name), c => ValueShapes.CanHold(c, Enum.Parse<ClaimKind>(kind))));
}
