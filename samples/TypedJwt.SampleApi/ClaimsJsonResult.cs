using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TypedJwt.SampleApi;

/// <summary>
/// Answers with the typed claims as JSON, written by the generated serializer of <typeparamref name="TPayload"/>: the same
/// claim names and encodings as in the token (NumericDate as seconds), with no reflection.
/// </summary>
internal sealed class ClaimsJsonResult<TPayload>(TPayload payload) : IResult
    where TPayload : IJwtPayload<TPayload>
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        payload.WriteJson(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
