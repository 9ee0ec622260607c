using System;

namespace TypedJwt;

/// <summary>
/// Turns an error code and a claim name into a sentence; only on demand, never on the validate path. Error names are
/// TypedJwt's own constants or the claim names a payload type declares, never text taken from a token (CWE-117); even so
/// a name is escaped and shortened here, since messages reach logs and HTTP headers.
/// </summary>
internal static class JwtErrorMessages
{
    /// <summary>The longest name a message quotes; longer ones are cut and end with "...".</summary>
    internal const int MaxQuotedNameLength = 64;

    private static readonly System.Buffers.SearchValues<char> Printable = System.Buffers.SearchValues.Create(
        " !#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    public static string Describe(JwtErrorCode code, string? name)
    {
        name = name is null ? null : Quote(name);
        string subject = name is null ? "" : $" '{name}'";
        return code switch
        {
            JwtErrorCode.None => "No error.",
            JwtErrorCode.TokenTooLong => "The token is longer than the policy's maximum token length.",
            JwtErrorCode.MalformedToken => "The token is not in Compact Serialization (three base64url segments for a JWS, five for a JWE, separated by '.').",
            JwtErrorCode.InvalidBase64Url => $"The{(name is null ? "" : " " + name)} segment is not strict base64url.",
            JwtErrorCode.MalformedJson => $"The{(name is null ? "" : " " + name)} is not a single well-formed UTF-8 JSON object.",
            JwtErrorCode.JsonTooDeep => "The JSON nests deeper than the policy's maximum depth.",
            JwtErrorCode.DuplicateMember => name is null ? "A JSON object has a member name more than once." : $"The member{subject} appears more than once.",
            JwtErrorCode.EncryptedTokenNotExpected => "The token is encrypted (JWE) where a signed token (JWS) was expected.",
            JwtErrorCode.ArrayTooLong => $"The array{subject} has more elements than the policy allows.",
            JwtErrorCode.SignedTokenNotExpected => "The token is signed (JWS) where an encrypted token (JWE) was expected.",
            JwtErrorCode.MissingAlgorithm => $"The header has no '{name ?? "alg"}' string.",
            JwtErrorCode.UnsupportedAlgorithm => "The header's 'alg' is not a supported algorithm.",
            JwtErrorCode.UnsecuredTokenRejected => "The token is unsecured ('alg: none'), which is never accepted.",
            JwtErrorCode.AlgorithmMismatch => $"The header's '{name ?? "alg"}' is not the algorithm the key is bound to.",
            JwtErrorCode.KeyNotFound => "No key matches the header's 'kid'.",
            JwtErrorCode.UnsupportedCriticalHeader => $"The header's 'crit' lists{(name is null ? " a parameter that is not understood or is malformed" : subject + ", which is not understood")}.",
            JwtErrorCode.UnencodedPayloadRejected => "The header asks for an unencoded payload ('b64: false'), which is not accepted.",
            JwtErrorCode.InvalidTokenType => "The header's 'typ' is missing or is not the token type this payload requires. A payload type without TokenType accepts only 'JWT' or no 'typ' (RFC 8725, section 3.11); declare the payload type's TokenType for tokens of another type.",
            JwtErrorCode.TooManyHeaderParameters => $"The header has more than {JwtValidationPolicy.MaxHeaderParameters} parameters.",
            JwtErrorCode.InvalidHeaderParameter => $"The header parameter{subject} has the wrong JSON type.",
            JwtErrorCode.UnsupportedEncryption => "The header's 'enc' is not a supported content encryption algorithm.",
            JwtErrorCode.CompressionRejected => "The header asks for a compressed plaintext ('zip'), which is not accepted.",
            JwtErrorCode.InvalidContentType => "The header's 'cty' does not fit: 'JWT' marks a nested token, which this validator does not read, or a nested token lacks it.",
            JwtErrorCode.ReplicatedClaimMismatch => $"The header replicates the claim{subject} with a value that differs from the claims set.",
            JwtErrorCode.DecryptionFailed => "The token does not decrypt with the key.",
            JwtErrorCode.InvalidSignature => "The signature is invalid.",
            JwtErrorCode.KeysUnavailable => "No signing keys are available: the issuer's keys could not be fetched (or are older than allowed); the server log names the authority and the reason.",
            JwtErrorCode.UnauthenticatedSender => "The token is encrypted to a public key (RSA-OAEP or ECDH-ES), which anyone holding that key can do, so it does not prove who sent it. JweValidator accepts only shared-key encryption (dir, A128KW, A256KW); sign, then encrypt, and validate with NestedJwtValidator.",
            JwtErrorCode.MissingClaim => $"The required claim{subject} is missing.",
            JwtErrorCode.InvalidClaimType => $"The claim{subject} has the wrong JSON type.",
            JwtErrorCode.InvalidClaimValue => $"The claim{subject} has a value that cannot be represented.",
            JwtErrorCode.ConstraintViolated => $"The claim{subject} violates a declared constraint.",
            JwtErrorCode.Expired => "The token has expired ('exp').",
            JwtErrorCode.NotYetValid => "The token is not valid yet ('nbf').",
            JwtErrorCode.InvalidIssuer => "The 'iss' claim is not an accepted issuer.",
            JwtErrorCode.InvalidAudience => "The 'aud' claim names no accepted audience.",
            JwtErrorCode.IssuedInFuture => "The token says it was issued in the future ('iat').",
            JwtErrorCode.TokenTooOld => "The token was issued longer ago than the policy's maximum token age ('iat').",
            JwtErrorCode.TokenRevoked => "The token has been revoked.",
            JwtErrorCode.TokenAlreadyUsed => "The token is for one use only and has already been used.",
            JwtErrorCode.RejectedByApplication => "The application refused the token.",
            JwtErrorCode.CertificateMismatch => "The token is bound to a client certificate ('cnf' 'x5t#S256') that the connection did not present.",
            JwtErrorCode.RevocationUnavailable => "Whether the token was revoked could not be checked: the revocation store did not answer in time. Try again later.",
            JwtErrorCode.DpopProofMissing => "The request has no DPoP proof, or more than one 'DPoP' header.",
            JwtErrorCode.DpopKeyInvalid => "The DPoP proof's 'jwk' is not a public RSA or EC key usable with its 'alg' (private key members are refused).",
            JwtErrorCode.DpopMethodMismatch => "The DPoP proof's 'htm' is not the request's method.",
            JwtErrorCode.DpopUriMismatch => "The DPoP proof's 'htu' is not the request's URI (without query and fragment).",
            JwtErrorCode.DpopProofStale => "The DPoP proof's 'iat' is outside the accepted window around the server's time.",
            JwtErrorCode.DpopAccessTokenHashMismatch => "The DPoP proof's 'ath' is missing or is not the hash of the access token.",
            JwtErrorCode.DpopKeyMismatch => "The DPoP proof is not signed with the key the access token is bound to ('cnf.jkt').",
            JwtErrorCode.DpopProofReplayed => "The DPoP proof has been used before ('jti').",
            JwtErrorCode.DpopNonceRequired => "The DPoP proof must carry the nonce the server provided in the 'DPoP-Nonce' header.",
            JwtErrorCode.DpopBoundTokenAsBearer => "The access token is bound to a DPoP key and must be sent with the DPoP scheme and a proof.",
            _ => $"Error {(int)code}{subject}.",
        };
    }

    /// <summary>
    /// The name as a message may quote it: printable ASCII stays, anything else (control characters such as CR and LF,
    /// quotes, backslashes, non-ASCII) becomes a <c>\uXXXX</c> escape, and the result is cut at <see cref="MaxQuotedNameLength"/>.
    /// </summary>
    internal static string Quote(string name)
    {
        if (name.Length <= MaxQuotedNameLength && !name.AsSpan().ContainsAnyExcept(Printable))
        {
            return name;
        }

        var text = new System.Text.StringBuilder(Math.Min(name.Length, MaxQuotedNameLength) + 8);
        foreach (char c in name)
        {
            if (text.Length >= MaxQuotedNameLength)
            {
                return text.Append("...").ToString();
            }

            if (c is >= ' ' and <= '~' and not '\'' and not '"' and not '\\')
            {
                text.Append(c);
            }
            else
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
