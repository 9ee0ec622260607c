using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The outcome of checking a request's <c>DPoP</c> proof header (<see cref="JwtIssuer{TPayload}.CheckDpopProofAsync"/>): no
/// proof at all, a valid proof, or the first check a proof failed.
/// </summary>
public readonly struct DpopProofResult
{
    private DpopProofResult(ValidatedDpopProof? proof, JwtError error, bool present, string? nonce)
    {
        Proof = proof;
        Error = error;
        IsPresent = present;
        Nonce = nonce;
    }

    /// <summary>Whether the request carried a <c>DPoP</c> header.</summary>
    public bool IsPresent { get; }

    /// <summary>The valid proof, or null.</summary>
    public ValidatedDpopProof? Proof { get; }

    /// <summary>Why the proof was refused (<see cref="JwtError.IsNone"/> when it was not).</summary>
    public JwtError Error { get; }

    /// <summary>Whether a proof was present and valid.</summary>
    [MemberNotNullWhen(true, nameof(Proof))]
    public bool IsValid => Proof is not null;

    /// <summary>A fresh server nonce for the client's next proof (the <c>DPoP-Nonce</c> header), when the refusal asks for one.</summary>
    public string? Nonce { get; }

    internal static DpopProofResult Accepted(ValidatedDpopProof proof) => new(proof, default, present: true, nonce: null);

    internal static DpopProofResult Refused(JwtError error, bool present, string? nonce = null) => new(null, error, present, nonce);

    /// <summary>
    /// The token endpoint's answer to a refused proof (RFC 9449 §5, §8): 400 with <c>{"error":"invalid_dpop_proof"}</c>, or
    /// <c>{"error":"use_dpop_nonce"}</c> with a fresh nonce in the <c>DPoP-Nonce</c> header when the server requires one.
    /// </summary>
    public IResult ToErrorResponse() => new ErrorResult(Error, Nonce);

    private sealed class ErrorResult(JwtError error, string? nonce) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            HttpResponse response = httpContext.Response;
            bool serverSide = error.Code == JwtErrorCode.RevocationUnavailable;
            response.StatusCode = serverSide ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
            response.Headers[HeaderNames.CacheControl] = "no-store";
            if (serverSide)
            {
                response.Headers[HeaderNames.RetryAfter] = BearerChallenge.RetryAfterSeconds;
                return;
            }

            if (nonce is not null)
            {
                response.Headers[DpopCheck.NonceHeader] = nonce;
            }

            response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteString("error"u8, error.Code == JwtErrorCode.DpopNonceRequired ? "use_dpop_nonce"u8 : "invalid_dpop_proof"u8);
            writer.WriteString("error_description"u8, error.Message);
            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}
