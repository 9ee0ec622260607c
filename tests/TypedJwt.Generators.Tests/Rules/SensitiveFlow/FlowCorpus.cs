namespace TypedJwt.Generators.Tests.Rules.SensitiveFlow;

/// <summary>
/// The labelled corpus TJ0019's precision and recall are measured on (<see cref="CorpusTests"/>, reported in
/// docs/diagnostics/TJ0019.md). Each case is one method; the label says whether a sensitive value reaches a readable claim
/// in it, by what the code does, not by what the analyzer is known to find. Written to be hard: near-miss names, values
/// about a secret rather than the secret, hashes and MACs, encrypted payloads, justified claims, with-chains, lambdas.
/// </summary>
internal static class FlowCorpus
{
    /// <summary>Types the cases use, next to <see cref="FlowSources.Model"/>.</summary>
    public const string Model = """
        public enum Faith { None, Other }
        public sealed class Customer
        {
            public string? Nickname { get; set; } public string? Email { get; set; } public string? Country { get; set; }
            public string? NationalId { get; set; } public string? Ssn { get; set; } public string? SsnMasked { get; set; }
            public string? TaxId { get; set; } public bool TaxIdVerified { get; set; } public string? HomeAddress { get; set; }
            public decimal Salary { get; set; } public Faith Religion { get; set; } public string? PassportNumber { get; set; }
            public DateTimeOffset PassportExpiry { get; set; } public string? PhoneNumber { get; set; } public DateOnly DateOfBirth { get; set; }
        }
        public sealed class Account { public string? Iban { get; set; } public string? AccountNumber { get; set; } public string? SortCode { get; set; } public string? Bank { get; set; } }
        public sealed class Settings
        {
            public string? ConnectionString { get; set; } public string? ConnectionStringName { get; set; } public string? ClientSecret { get; set; }
            public DateTimeOffset ClientSecretExpiresAt { get; set; } public string? ClientId { get; set; } public string? SigningKeyId { get; set; }
        }
        public sealed class Session { public string? RefreshToken { get; set; } public DateTimeOffset RefreshTokenExpiresAt { get; set; } public string? SessionId { get; set; } }
        public sealed class PasswordPolicy { public string? Description { get; set; } public int MinLength { get; set; } }
        public sealed class SecretSanta { public string? Name { get; set; } }
        public sealed class PinnedMessage { public string? Text { get; set; } }
        public sealed class Passenger { public string? Seat { get; set; } }
        public sealed class PaymentCard { public string? Number { get; set; } public string? Cvv { get; set; } public string? Holder { get; set; } }
        public sealed class VaultClient { public Task<string> GetClientSecretAsync() => Task.FromResult(""); public Task<string> GetRegionAsync() => Task.FromResult(""); }
        public static class ProtectedData { public static byte[] Protect(byte[] data, byte[]? entropy, int scope) => data; }
        public static class Helpers
        {
            public static string Mask(string? s) => "****";
            public static string Hash(string? s) => "";
            public static string Sha256Hex(string? s) => "";
            public static string EncryptForAudience(string? s) => "";
            public static string Load() => "";
            public static void Log(string? s) { }
        }

        """;

    /// <summary>(reported, method). Every method is static in a class that sees the model; parameters name what it uses.</summary>
    public static readonly (bool Sensitive, string Method)[] Cases =
    [
        // Names of secrets and personal data, member by member.
        (true, "Profile M(User user) => new() { Nickname = user.PasswordHash };"),
        (true, "Profile M(Card card) => new() { Note = card.Number };"),
        (true, "Profile M(PaymentCard c) => new() { Note = c.Number };"),
        (true, "Profile M(PaymentCard c) => new() { Note = c.Cvv };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.NationalId };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.Ssn };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.TaxId };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.HomeAddress };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.Salary.ToString() };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.Religion.ToString() };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.PassportNumber };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.PhoneNumber };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.DateOfBirth.ToString(\"O\") };"),
        (true, "Profile M(Account account) => new() { Note = account.Iban };"),
        (true, "Profile M(Account account) => new() { Note = account.SortCode };"),
        (true, "Profile M(Settings settings) => new() { Note = settings.ConnectionString };"),
        (true, "Profile M(Settings settings) => new() { Note = settings.ClientSecret };"),
        (true, "Profile M(Session session) => new() { Note = session.RefreshToken };"),
        (true, "Profile M(User user) => new() { Number = user.Pin };"),
        (true, "Profile M(User user) => new() { Note = user.GetPassword() };"),
        (true, "Profile M(string apiKey) => new() { Note = apiKey };"),
        (true, "Profile M(int pin) => new() { Number = pin };"),
        (true, "Profile M() { var secret = Helpers.Load(); return new() { Note = secret }; }"),
        (true, "Profile M(User user) => new() { Note = user.Vault };"),
        (true, "Profile M(User user) => new() { Note = user.Phone };"),
        (true, "Profile M(User user) => new() { Note = user.Nick };"),
        (true, "Profile M(User user) => new() { Note = user.Locale };"),
        (true, "Profile M(User user) => new() { Note = user.Vaulted!.ToString() };"),
        (true, "Profile M(User user) => new() { Note = Convert.ToBase64String(user.SigningKey!) };"),
        (true, "async Task<Profile> M(VaultClient v) => new() { Note = await v.GetClientSecretAsync() };"),

        // Flow steps.
        (true, "Profile M(Settings settings) { var s = settings.ClientSecret; var t = s!.Trim(); return new() { Note = t }; }"),
        (true, "Profile M(Customer customer) => new() { Note = $\"{customer.Ssn}-{customer.Email}\" };"),
        (true, "Profile M(Account account) => new() { Note = \"x\" + account.AccountNumber + \"y\" };"),
        (true, "Profile M(Customer customer, bool flag) => new() { Note = flag ? customer.Ssn : null };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.Nickname ?? customer.Ssn };"),
        (true, "Profile M(Account account) => new() { Number = long.Parse(account.AccountNumber!) };"),
        (true, "Profile M(Settings settings) => new() { Note = Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.ClientSecret!)) };"),
        (true, "Profile M(User user) => new() { Note = string.Join(\",\", user.RecoveryCodes!) };"),
        (true, "Profile M(User user) => new() { Note = user.RecoveryCodes!.First() };"),
        (true, "Profile M(User user) => new() { Note = user.RecoveryCodes![0] };"),
        (true, "Profile M(Customer customer, int kind) => new() { Note = kind switch { 1 => customer.Ssn, _ => \"\" } };"),
        (true, "Profile M(Customer customer) { var p = new Profile(); if (customer.Ssn is { } v) p.Note = v; return p; }"),
        (true, "Profile M(Account account) => new() { Note = new StringBuilder().Append(account.Iban).ToString() };"),
        (true, "Profile M(User? user) => new() { Note = user?.Card?.Number };"),
        (true, "Profile M(Settings settings) => new() { Note = (string?)(object?)settings.ClientSecret };"),
        (true, "Profile M(Customer customer) => new() { Note = customer.Ssn?.ToUpperInvariant() };"),
        (true, "Profile M(Customer customer) { string note = \"\"; note = customer.TaxId!; note = note.PadLeft(12); return new() { Note = note }; }"),
        (true, "Profile M(User user) { string x = \"\"; foreach (var code in user.RecoveryCodes!) { x += code; } return new() { Note = x }; }"),
        (true, "Profile M(User user) => new() { Note = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.Password!))) };"),
        (true, "Profile M(Customer customer) => new() { Note = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(customer.Ssn!))) };"),
        (true, "Profile M(User user) => new() { Note = Helpers.Hash(user.Password) };"),

        // Sinks.
        (true, "Profile M(Profile p, Account account) => p with { Note = account.Iban };"),
        (true, "Profile M(Profile p, Customer customer) => (p with { Subject = \"a\" }) with { Note = customer.Ssn };"),
        (true, "Profile M(Profile p, Settings settings) => p with { Subject = \"a\" } with { Nickname = \"b\" } with { Note = settings.ClientSecret };"),
        (true, "Pair M(Customer customer) => new(customer.Ssn, \"x\");"),
        (true, "Pair M(Account account) => new(Note: account.Iban, Subject: \"s\");"),
        (true, "void M(Profile p, Session session) { p.Note = session.RefreshToken; }"),
        (true, "Profile M(Customer customer) { var p = new Profile(); p.Note = customer.PhoneNumber; return p; }"),
        (true, "void M(Profile p, Customer customer) { p.Note += customer.Ssn; }"),
        (true, "Profile M(Customer customer) => new() { Tags = new[] { customer.Ssn! } };"),
        (true, "Profile M(Customer customer) => new() { Tags = [customer.Email!, customer.TaxId!] };"),
        (true, "Profile M(Customer customer) => new() { Labels = { customer.PassportNumber! } };"),
        (true, "void M(Profile p, Account account) { p.Labels.Add(account.SortCode!); }"),
        (true, "object M(Issuer<Profile> issuer, Customer customer) => issuer.Issue(customer, static (t, c) => new Profile { Note = c.Ssn });"),
        (true, "object M(Issuer<Profile> issuer, Settings settings) => issuer.Issue(settings.ClientSecret, static (t, s) => new Profile { Note = s });"),
        (true, "string M(Customer customer, JwtSigningKey key) => JwsWriter.Write(new Pair(\"s\", customer.TaxId), key);"),

        // Benign sources and near misses.
        (false, "Profile M(User user) => new() { Nickname = user.Name };"),
        (false, "Profile M(User user) => new() { Subject = user.Id };"),
        (true, "Profile M(User user) => new() { Subject = user.Email };"),
        (false, "Profile M(User user) => new() { Email = user.Email };"),
        (false, "Profile M(User user) => new() { Flag = user.EmailConfirmed };"),
        (false, "Profile M(User user) => new() { Nickname = user.DisplayName };"),
        (false, "Profile M(User user) => new() { Flag = user.PasswordExpired };"),
        (false, "Profile M(User user) => new() { Flag = user.HasPin };"),
        (false, "Profile M(User user) => new() { Note = user.Secretary };"),
        (false, "Profile M(User user) => new() { Note = user.ClassName };"),
        (false, "Profile M(User user) => new() { Note = user.ApiKeyId };"),
        (false, "Profile M(User user) => new() { Number = user.PinAttempts };"),
        (false, "Profile M(User user) => new() { Flag = user.EmailConfirmed };"),
        (false, "Profile M(Settings settings) => new() { Note = settings.SigningKeyId };"),
        (false, "Profile M(Settings settings) => new() { Note = settings.ClientId };"),
        (false, "Profile M(Settings settings) => new() { Note = settings.ConnectionStringName };"),
        (false, "Profile M(Settings settings) => new() { Note = settings.ClientSecretExpiresAt.ToString() };"),
        (false, "Profile M(Session session) => new() { Note = session.SessionId };"),
        (false, "Profile M(Session session) => new() { Note = session.RefreshTokenExpiresAt.ToString(\"O\") };"),
        (false, "Profile M(Card card) => new() { Note = card.Brand };"),
        (false, "Profile M(Card card) => new() { Note = card.Last4 };"),
        (false, "Profile M(PaymentCard c) => new() { Note = c.Holder };"),
        (false, "Profile M(CreditCard c) => new() { Note = c.Brand };"),
        (false, "Profile M(Account account) => new() { Note = account.Bank };"),
        (false, "Profile M(Customer customer) => new() { Note = customer.Country };"),
        (false, "Profile M(Customer customer) => new() { Note = customer.SsnMasked };"),
        (false, "Profile M(Customer customer) => new() { Note = customer.TaxIdVerified.ToString() };"),
        (false, "Profile M(Customer customer) => new() { Note = customer.PassportExpiry.ToString(\"yyyy-MM\") };"),
        (false, "Profile M(PasswordPolicy passwordPolicy) => new() { Note = passwordPolicy.Description };"),
        (false, "Profile M(PasswordPolicy passwordPolicy) => new() { Number = passwordPolicy.MinLength };"),
        (false, "Profile M(SecretSanta secretSanta) => new() { Note = secretSanta.Name };"),
        (false, "Profile M(PinnedMessage pinnedMessage) => new() { Note = pinnedMessage.Text };"),
        (false, "Profile M(Passenger passenger) => new() { Note = passenger.Seat };"),
        (false, "Profile M(string tokenType) => new() { Note = tokenType };"),
        (false, "Profile M(string keyId) => new() { Note = keyId };"),
        (false, "Profile M(User user) => new() { Note = user.GetDisplayName() };"),
        (false, "async Task<Profile> M(VaultClient v) => new() { Note = await v.GetRegionAsync() };"),
        (false, "Profile M() => new() { Note = Guid.NewGuid().ToString() };"),
        (false, "Profile M(User user) => new() { Note = $\"{user.Name} ({user.Id})\" };"),
        (false, "Profile M(User user) => new() { Note = user.Name!.ToUpperInvariant() };"),

        // Values about a secret, and values that leave it behind.
        (false, "Profile M(User user) => new() { Number = user.Password!.Length };"),
        (false, "Profile M(User user) { var pwd = user.Password; return new() { Flag = pwd!.Length > 8 }; }"),
        (false, "Profile M(Customer customer) => new() { Flag = customer.Ssn != null };"),
        (false, "Profile M(Customer customer) => new() { Note = customer.Ssn is null ? \"no\" : \"yes\" };"),
        (false, "Profile M(Customer customer) => new() { Number = customer.Ssn?.Length ?? 0 };"),
        (false, "Profile M(User user) => new() { Note = user.PasswordExpired ? \"expired\" : \"ok\" };"),
        (false, "Profile M(Card card) => new() { Note = Helpers.Mask(card.Number) };"),
        (false, "Profile M(Card card) => new() { Note = card.Number!.Substring(12) };"),
        (false, "Profile M(Card card) => new() { Note = \"ending \" + card.Number![^4..] };"),
        (false, "Profile M(User user) { Helpers.Log(user.Password); return new() { Note = \"logged\" }; }"),
        (false, "Profile M(Profile p, Customer customer) { string? n = p.Note; Helpers.Log(n + customer.Ssn); return p; }"),

        // Hashed, MACed, encrypted.
        (false, "Profile M(Settings settings) => new() { Note = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(settings.ClientSecret!))) };"),
        (false, "Profile M(User user) => new() { Note = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.ApiKey!))) };"),
        (false, "Profile M(Customer customer, byte[] key) => new() { Note = Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(customer.Ssn!))) };"),
        (false, "Profile M(User user, byte[] key) { using var h = new HMACSHA256(key); return new() { Note = Convert.ToBase64String(h.ComputeHash(Encoding.UTF8.GetBytes(user.Password!))) }; }"),
        (false, "Profile M(Customer customer, IDataProtector protector) => new() { Note = protector.Protect(customer.Ssn!) };"),
        (false, "Profile M(User user) => new() { Note = Convert.ToBase64String(ProtectedData.Protect(Encoding.UTF8.GetBytes(user.Password!), null, 0)) };"),
        (false, "Profile M(Customer customer) => new() { Note = Helpers.EncryptForAudience(customer.Ssn) };"),
        (false, "Profile M(Settings settings) => new() { Note = Helpers.Sha256Hex(settings.ClientSecret) };"),
        (false, "Profile M(User user) => new() { Note = Helpers.Hash(user.ApiKey) };"),

        // Sinks that accept the value, and writes that are not sinks.
        (false, "Sealed M(User user) => new() { Nickname = user.PasswordHash };"),
        (false, "Sealed M(Sealed s, Customer customer) => s with { Nickname = customer.Ssn };"),
        (false, "Profile M(Customer customer) => new() { Handle = customer.Ssn };"),
        (false, "Profile M(Profile p, Settings settings) => p with { Handle = settings.ClientSecret };"),
        (false, "Card M(Account account) => new() { Number = account.AccountNumber };"),
        (false, "Profile M(Profile p, User user) => p with { Subject = user.Name } with { Nickname = user.DisplayName };"),
        (false, "Pair M(User user) => new(user.Name, user.DisplayName);"),
        (false, "object M(Issuer<Profile> issuer, User user) => issuer.Issue(user, static (t, u) => new Profile { Note = u.Name });"),
        (false, "string M(User user, JwtSigningKey key) => JwsWriter.Write(new Pair(user.Id, user.DisplayName), key);"),
    ];
}
