using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TypedJwt.AspNetCore;

/// <summary>Writes an OAuth 2.0 token response (RFC 6749 §5.1) with a Utf8JsonWriter, so it needs no reflection-based JSON.</summary>
internal sealed class TokenResponseResult(IssuedJwt issued) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        HttpResponse response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.Headers[HeaderNames.Pragma] = "no-cache";

        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("access_token"u8, issued.Token);
        writer.WriteString("token_type"u8, issued.TokenType);
        writer.WriteNumber("expires_in"u8, issued.ExpiresIn);
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
