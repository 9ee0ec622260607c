using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Tests.Rules.SensitiveFlow;

namespace TypedJwt.Generators.Tests.Rules;

/// <summary>
/// TJ0019 (docs/diagnostics/TJ0019.md): a sensitive value reaches a claim of a readable payload. Each source kind, sink kind
/// and flow step is reported, and its twin (a benign source, a hashed or encrypted value, an Encrypted payload, a justified
/// [NotSensitive] claim) is not. More cases: <c>SensitiveFlow/</c>.
/// </summary>
public class TJ0019Tests
{
    public static TheoryData<string, string> Reported() => new()
    {
        // Sources.
        { "member name", "static Profile M(User user) => new() { Nickname = user.PasswordHash };" },
        { "member with its receiver's name", "static Profile M(Card card) => new() { Note = card.Number };" },
        { "member with its receiver's type name", "static Profile M(CreditCard c) => new() { Note = c.Number };" },
        { "personal data", "static Profile M(User user) => new() { Note = user.NationalId };" },
        { "an email into a claim that does not say so", "static Profile M(User user) => new() { Subject = user.Email };" },
        { "date of birth", "static Profile M(User user) => new() { Note = user.DateOfBirth.ToString() };" },
        { "parameter", "static Profile M(string password) => new() { Nickname = password };" },
        { "local", "static Profile M(User user) { string pwd = user.Name!; return new() { Nickname = pwd }; }" },
        { "method", "static Profile M(User user) => new() { Nickname = user.GetPassword() };" },
        { "[Sensitive]", "static Profile M(User user) => new() { Note = user.Vault };" },
        { "DataClassification subclass", "static Profile M(User user) => new() { Note = user.Locale };" },
        { "[PersonalData]", "static Profile M(User user) => new() { Note = user.Nick };" },
        { "[ProtectedPersonalData]", "static Profile M(User user) => new() { Note = user.Phone };" },
        { "SecureString", "static Profile M(User user) => new() { Note = user.Vaulted!.ToString() };" },
        { "key material bytes", "static Profile M(User user) => new() { Note = Convert.ToBase64String(user.SigningKey!) };" },
        { "int PIN", "static Profile M(User user) => new() { Number = user.Pin };" },

        // Sinks.
        { "with expression", "static Profile M(Profile p, User user) => p with { Note = user.ApiKey };" },
        { "positional argument", "static Pair M(User user) => new(\"s\", user.ApiKey);" },
        { "property assignment", "static void M(Profile p, User user) { p.Note = user.ApiKey; }" },
        { "collection initializer", "static Profile M(User user) => new() { Labels = { \"a\", user.ApiKey! } };" },
        { "array", "static Profile M(User user) => new() { Tags = new[] { user.ApiKey! } };" },
        { "collection expression", "static Profile M(User user) => new() { Tags = [user.ApiKey!] };" },
        { "Add on a claim collection", "static void M(Profile p, User user) { p.Labels.Add(user.ApiKey!); }" },
        { "JwsWriter.Write inline", "static string M(User user, JwtSigningKey key) => JwsWriter.Write(new Pair(\"s\", user.ApiKey), key);" },
        { "JwtIssuer.Issue state", "static object M(Issuer<Profile> issuer, User user) => issuer.Issue(user, static (t, u) => new Profile { Note = u.ApiKey });" },
        { "JwtIssuer.Issue state, itself sensitive", "static object M(Issuer<Profile> issuer, User user) => issuer.Issue(user.ApiKey, static (t, s) => new Profile { Note = s });" },
        { "with chain", "static Profile M(Profile p, User user) => (p with { Subject = \"s\" }) with { Note = user.ApiKey };" },

        // Flow steps.
        { "?:", "static Profile M(User user, bool b) => new() { Note = b ? user.ApiKey : \"-\" };" },
        { "??", "static Profile M(User user) => new() { Note = user.Name ?? user.ApiKey };" },
        { "interpolation", "static Profile M(User user) => new() { Note = $\"k={user.ApiKey}\" };" },
        { "concatenation", "static Profile M(User user) => new() { Note = \"k=\" + user.ApiKey };" },
        { "ToString", "static Profile M(User user) => new() { Note = user.Pin.ToString() };" },
        { "conversion", "static Profile M(User user) => new() { Number = (long)user.Pin };" },
        { "?.", "static Profile M(User? user) => new() { Note = user?.ApiKey?.Trim() };" },
        { "locals in a chain", "static Profile M(User user) { var a = user.ApiKey; var b = a; string c; c = b + \"!\"; return new() { Note = c }; }" },
        { "foreach", "static Profile M(User user) { string x = \"\"; foreach (var code in user.RecoveryCodes!) { x = code; } return new() { Note = x }; }" },
        { "out argument", "static Profile M(System.Collections.Generic.Dictionary<string, string> d) { d.TryGetValue(\"k\", out var secret); return new() { Note = secret }; }" },
        { "out argument of a method that says what it gives", "static Profile M() { TryGetApiKey(out var v); return new() { Note = v }; } static bool TryGetApiKey(out string value) { value = \"\"; return true; }" },
        { "local function", "static Profile M(User user) { string Pick() => user.ApiKey!; return new() { Note = Pick() }; }" },
        { "deconstruction", "static Profile M(User user) { var (a, b) = (user.Name, user.ApiKey); return new() { Note = b }; }" },
        { "encoding is not protection", "static Profile M(User user) => new() { Note = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user.ApiKey!)) };" },
        { "hash of a password", "static Profile M(User user) => new() { Note = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user.Password!))) };" },
    };

    public static TheoryData<string, string> NotReported() => new()
    {
        // Benign sources and hard negatives.
        { "benign member", "static Profile M(User user) => new() { Nickname = user.Name };" },
        { "an email into a claim named email", "static Profile M(User user) => new() { Email = user.Email };" },
        { "an email into a claim whose JSON name is email", "static Profile M(User user) => new() { Contact = user.Email };" },
        { "bool about a password", "static Profile M(User user) => new() { Flag = user.PasswordExpired };" },
        { "hasPin", "static Profile M(User user) => new() { Flag = user.HasPin };" },
        { "secretary", "static Profile M(User user) => new() { Note = user.Secretary };" },
        { "class name", "static Profile M(User user) => new() { Note = user.ClassName };" },
        { "a key's id", "static Profile M(User user) => new() { Note = user.ApiKeyId };" },
        { "PIN attempts", "static Profile M(User user) => new() { Number = user.PinAttempts };" },
        { "the receiver alone is the phrase", "static Profile M(CreditCard c) => new() { Note = c.Brand };" },
        { "masked card number", "static Profile M(Card card) => new() { Note = card.Number!.Substring(12) };" },
        { "benign method", "static Profile M(User user) => new() { Note = user.GetDisplayName() };" },
        { "a flag marked [PersonalData]", "static Profile M(User user) => new() { Flag = user.EmailConfirmed };" },
        { "a password's length", "static Profile M(User user) => new() { Number = user.Password!.Length };" },
        { "out argument of a lookup", "static Profile M(System.Collections.Generic.Dictionary<string, string> d) { d.TryGetValue(\"k\", out var v); return new() { Note = v }; }" },
        { "local function returning a benign value", "static Profile M(User user) { string Pick() => user.Name!; return new() { Note = Pick() }; }" },
        { "deconstruction, the benign half", "static Profile M(User user) { var (a, b) = (user.Name, user.ApiKey); return new() { Note = a }; }" },
        { "an unknown call ends the path", "static Profile M(User user) => new() { Note = Lookup(user.Password) }; static string Lookup(string? s) => \"\";" },

        // Hashed or encrypted.
        { "hash of an API key", "static Profile M(User user) => new() { Note = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user.ApiKey!))) };" },
        { "HMAC of a password", "static Profile M(User user, byte[] k) => new() { Note = Convert.ToHexString(HMACSHA256.HashData(k, System.Text.Encoding.UTF8.GetBytes(user.Password!))) };" },
        { "IDataProtector.Protect", "static Profile M(User user, IDataProtector p) => new() { Note = p.Protect(user.Password!) };" },

        // Sinks that accept.
        { "Encrypted payload", "static Sealed M(User user) => new() { Nickname = user.PasswordHash };" },
        { "justified [NotSensitive]", "static Profile M(User user) => new() { Handle = user.PasswordHash };" },
        { "not a payload", "static Card M(User user) => new() { Number = user.ApiKey };" },
        { "read, not written", "static string? M(Profile p, User user) { string? n = p.Note; return n + user.ApiKey; }" },
    };

    [Theory]
    [MemberData(nameof(Reported))]
    public void Reported_for(string what, string method)
        => Assert.True(FlowSources.One(method) is { Id: "TJ0019" }, what);

    [Theory]
    [MemberData(nameof(NotReported))]
    public void Not_reported_for(string what, string method)
        => Assert.True(FlowSources.One(method) is null, what);

    [Fact]
    public void The_message_shows_the_path_and_the_reason()
    {
        Diagnostic diagnostic = FlowSources.One("static Profile M(User user) { var x = user.PasswordHash; return new() { Nickname = x }; }")!;
        Assert.Equal("Nickname = x", Harness.Text(diagnostic));
        Assert.Equal(
            "'user.PasswordHash' \u2192 local 'x' \u2192 claim 'Nickname': 'PasswordHash' looks like a secret (password), and payload 'Profile' is not Encrypted, so anyone who holds the token can read it",
            diagnostic.GetMessage());
    }

    [Fact]
    public void A_hashed_password_says_why_the_hash_does_not_help()
    {
        Diagnostic diagnostic = FlowSources.One("static Profile M(User user) => new() { Note = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user.Password!))) };")!;
        Assert.Contains("hash 'SHA256.HashData'", diagnostic.GetMessage());
        Assert.Contains("unkeyed hash of it is reversed", diagnostic.GetMessage());
    }

    [Fact]
    public void The_claim_member_is_the_additional_location()
    {
        Diagnostic diagnostic = FlowSources.One("static Profile M(User user) => new() { Nickname = user.PasswordHash };")!;
        Location member = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("Nickname", member.SourceTree!.GetText().ToString(member.SourceSpan));
    }

    [Fact]
    public void Safe_sources_from_editorconfig_are_accepted()
    {
        const string Method = "static Profile M(User user) => new() { Note = user.Phone, Nickname = user.Nick };";
        Assert.Equal(2, FlowSources.Analyze(Method).Length);
        Assert.Empty(FlowSources.Analyze(Method, "TJ0019.safe_sources = phone, User.Nick"));
        Assert.Empty(FlowSources.Analyze(Method, "typedjwt.TJ0019.safe_sources = Phone, nick"));
    }

    [Fact]
    public void The_vocabulary_options_of_TJ0001_and_TJ0002_apply()
    {
        Assert.Empty(FlowSources.Analyze("static Profile M(User user) => new() { Nickname = user.Email };", "TJ0002.ignored_words = email"));
        Assert.Single(FlowSources.Analyze("static Profile M(User user) => new() { Nickname = user.DisplayName };", "TJ0002.additional_words = display name"));
        Assert.Empty(FlowSources.Analyze("static Profile M(User user) => new() { Nickname = user.ApiKey };", "TJ0001.ignored_words = api key"));
    }
}
