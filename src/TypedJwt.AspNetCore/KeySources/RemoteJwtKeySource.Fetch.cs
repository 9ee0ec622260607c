using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TypedJwt.AspNetCore;

// One fetch: the discovery document (unless the JWKS URI is configured), then the JWK Set, each bounded in size and, together,
// in time. Any failure becomes a reason for the log; the keys held stay in use.
internal sealed partial class RemoteJwtKeySource
{
    private readonly HashSet<string> _ignoredLogged = new(StringComparer.Ordinal);

    private async Task FetchAsync()
    {
        // A client span around the whole fetch (discovery and JWK Set); HttpClient's own spans nest under it.
        using Activity? activity = TypedJwtTelemetry.ActivitySource.StartActivity("TypedJwt.FetchKeys", ActivityKind.Client);
        activity?.SetTag("typedjwt.authority", _settings.Authority);
        string? failure = null;
        try
        {
            using var timeout = new CancellationTokenSource(_settings.Timeout, _time);
            HttpClient client = _httpClientFactory.CreateClient(HttpClientName);
            Uri jwksUri = _settings.JwksUri ?? await DiscoverAsync(client, _settings.MetadataAddress!, timeout.Token).ConfigureAwait(false);
            (byte[] body, int length, TimeSpan? maxAge) = await GetAsync(client, jwksUri, timeout.Token).ConfigureAwait(false);
            JwtKeySet keys = JwtKeySet.FromJwks(body.AsSpan(0, length), _settings.Algorithms);
            LogIgnoredKeys(keys);
            if (keys.Keys.Count == 0)
            {
                throw new FetchFailedException($"the JWK Set at {jwksUri} has no keys; the keys held are not replaced with an empty set.");
            }

            Succeeded(keys, maxAge, jwksUri);
        }
        catch (OperationCanceledException)
        {
            Failed(failure = $"no complete answer within the timeout of {_settings.Timeout}.");
        }
        catch (HttpRequestException e)
        {
            Failed(failure = $"the request failed: {e.Message}");
        }
        catch (FetchFailedException e)
        {
            Failed(failure = e.Message);
        }
        catch (ArgumentException e)
        {
            Failed(failure = $"the JWK Set is not usable: {e.Message}");
        }
        catch (Exception e)
        {
            // Whatever else went wrong (the host shutting down, a handler a host added): the fetch failed, and the schedule
            // must be set again, or no refresh would ever start.
            Failed(failure = $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            Metrics?.KeysFetched(_settings.Authority, failure is null);
            if (failure is not null)
            {
                activity?.SetStatus(ActivityStatusCode.Error, failure);
            }

            Volatile.Write(ref _fetching, 0);
        }
    }

    private async Task<Uri> DiscoverAsync(HttpClient client, Uri metadataAddress, CancellationToken cancellationToken)
    {
        (byte[] body, int length, _) = await GetAsync(client, metadataAddress, cancellationToken).ConfigureAwait(false);
        string? issuer;
        string? jwksUri;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body.AsMemory(0, length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FetchFailedException($"the discovery document at {metadataAddress} is not a JSON object.");
            }

            issuer = document.RootElement.TryGetProperty("issuer", out JsonElement i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            jwksUri = document.RootElement.TryGetProperty("jwks_uri", out JsonElement j) && j.ValueKind == JsonValueKind.String ? j.GetString() : null;
        }
        catch (JsonException)
        {
            throw new FetchFailedException($"the discovery document at {metadataAddress} is not valid JSON.");
        }

        bool issuerExpected = false;
        foreach (string expected in _settings.ExpectedIssuers)
        {
            issuerExpected |= string.Equals(issuer, expected, StringComparison.Ordinal);
        }

        if (!issuerExpected)
        {
            throw new FetchFailedException(
                $"the discovery document at {metadataAddress} names the issuer \"{issuer}\", not the configured \"{string.Join("\" or \"", _settings.ExpectedIssuers)}\" (OpenID Connect Discovery §4.3); its keys are not used.");
        }

        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out Uri? address))
        {
            throw new FetchFailedException($"the discovery document at {metadataAddress} has no absolute 'jwks_uri'.");
        }

        if (!_settings.IsAllowed(address))
        {
            throw new FetchFailedException($"the discovery document's jwks_uri {address} is not https (RequireHttpsMetadata; http is allowed only for loopback or in Development).");
        }

        return address;
    }

    private static async Task<(byte[] Body, int Length, TimeSpan? MaxAge)> GetAsync(HttpClient client, Uri address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new FetchFailedException($"{address} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        const int Max = RemoteKeySourceSettings.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > Max)
        {
            throw new FetchFailedException($"{address} answered {response.Content.Headers.ContentLength} bytes, more than the {Max} allowed.");
        }

        byte[] buffer = new byte[Max + 1];
        int total = 0;
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > Max)
                {
                    throw new FetchFailedException($"{address} answered more than the {Max} bytes allowed.");
                }
            }
        }

        return (buffer, total, response.Headers.CacheControl?.MaxAge);
    }

    // Each ignored key once per process (by kid and reason), so a provider's encryption key does not log on every refresh.
    private void LogIgnoredKeys(JwtKeySet keys)
    {
        foreach (IgnoredJsonWebKey ignored in keys.IgnoredKeys)
        {
            if (_ignoredLogged.Add(ignored.KeyId + "\n" + ignored.Reason))
            {
                KeySourceLog.KeyIgnored(_logger, _settings.Authority, ignored.KeyId, ignored.Reason);
            }
        }
    }

    private sealed class FetchFailedException(string message) : Exception(message);
}
