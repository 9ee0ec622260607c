namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// Names of secrets and credentials (TJ0001). Each entry is a word sequence, optionally followed by <c>=</c> and the
/// label the diagnostic shows. Glued spellings (<c>apikey</c>) are listed because lower-case claim names have no word breaks.
/// A plural (<c>Passwords</c>, <c>RecoveryCodes</c>) matches its singular entry.
/// </summary>
internal static class SecretWords
{
    public static readonly string[] Entries =
    {
        // Passwords, their hashes (offline cracking) and look-alikes.
        "password", "passwd=password", "pwd=password", "pass phrase=passphrase", "passphrase", "passcode",
        "pin", "pin code=pin", "pincode=pin",

        // One-time-password seeds and second factors.
        "otp=one-time password", "totp=TOTP seed", "hotp=HOTP seed", "otp seed", "mfa secret", "mfa seed", "2fa secret",
        "recovery code", "backup code", "recovery key",
        "security answer", "secret answer", "security question answer=security answer", "secret question answer=security answer",

        // Keys and secrets.
        "secret", "api key", "apikey=api key", "private key", "privatekey=private key", "signing key", "encryption key",
        "secret key", "master key", "shared key", "symmetric key", "hmac key", "client secret", "clientsecret=client secret",
        "shared secret", "refresh token", "refreshtoken=refresh token", "reset token", "session token", "bearer token",
        "connection string", "connectionstring=connection string", "conn str=connection string", "connstr=connection string",
        "credential", "creds=credentials",

        // Payment data (PCI DSS).
        "card number", "cardnumber=card number", "credit card", "creditcard=credit card", "debit card", "cvv", "cvc",
        "cvv2=cvv", "card verification code", "card verification value", "card security code",
        "iban", "bank account", "bankaccount=bank account", "account number", "routing number", "sort code",
    };
}
