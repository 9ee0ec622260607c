namespace TypedJwt.CodeFixes;

/// <summary>
/// Which JWE form an <c>Encrypted = true</c> payload should take, as far as the solution shows. The attribute is the same
/// for both; only the APIs that write and read the token differ, and the "mark Encrypted" fix names them in its title.
/// </summary>
internal enum EncryptionForm
{
    /// <summary>A key shared by issuer and recipient (<c>dir</c>, <c>A128KW</c>, <c>A256KW</c>): <c>JweWriter.Write</c> and <c>JweValidator&lt;T&gt;</c>. Also the answer when nothing says otherwise.</summary>
    SharedKey,

    /// <summary>RSA or EC keys: sign, then encrypt (RFC 7519 §11.2), with <c>JweWriter.WriteNested</c> and <c>NestedJwtValidator&lt;T&gt;</c>.</summary>
    SignThenEncrypt,
}
