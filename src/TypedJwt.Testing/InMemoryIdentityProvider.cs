using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TypedJwt.Testing;

/// <summary>
/// An identity provider that lives in the test: it holds ES256 signing keys, signs tokens with the current one, and answers
/// the requests a TypedJwt scheme with <c>Authority</c> (or <c>JwksUri</c>) makes, its discovery document and its JWK Set,
/// through an <see cref="HttpMessageHandler"/> (<see cref="CreateHandler"/>) instead of the network. Register it with
/// <c>services.AddInMemoryIdentityProvider(provider)</c>; rotate with <see cref="RotateSigningKey"/>; count the provider's
/// load with <see cref="JwksRequests"/>.
/// </summary>
public sealed class InMemoryIdentityProvider
{
    private readonly object _gate = new();
    private JwtSigningKey[] _published;
    private int _jwksRequests;
    private int _keys;

    /// <summary>Creates the provider with one signing key.</summary>
    /// <param name="issuer">Its issuer identifier, also the authority (https, so the default <c>RequireHttpsMetadata</c> holds).</param>
    public InMemoryIdentityProvider(string issuer = "https://idp.test.example")
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        Issuer = issuer.TrimEnd('/');
        SigningKey = NewKey();
        _published = [SigningKey];
    }

    /// <summary>The issuer (<c>iss</c>) and authority.</summary>
    public string Issuer { get; }

    /// <summary>The discovery document's address: <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
    public Uri MetadataAddress => new(Issuer + "/.well-known/openid-configuration");

    /// <summary>The JWK Set's address: <c>{Issuer}/jwks</c>.</summary>
    public Uri JwksUri => new(Issuer + "/jwks");

    /// <summary>The key tokens are signed with now.</summary>
    public JwtSigningKey SigningKey { get; private set; }

    /// <summary>How many times the JWK Set was fetched.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>Signs <paramref name="payload"/> with the current key.</summary>
    public string Issue<TPayload>(TPayload payload)
        where TPayload : IJwtPayload<TPayload> => JwsWriter.Write(payload, SigningKey);

    /// <summary>
    /// Makes a new current key; the JWK Set publishes it beside the old one, which stays until <paramref name="retirePrevious"/>
    /// is true (as a provider keeps the previous key for the lifetime of the tokens it signed).
    /// </summary>
    /// <returns>The new key.</returns>
    public JwtSigningKey RotateSigningKey(bool retirePrevious = false)
    {
        lock (_gate)
        {
            JwtSigningKey next = NewKey();
            _published = retirePrevious ? [next] : [next, .. _published];
            SigningKey = next;
            return next;
        }
    }

    /// <summary>A handler that answers the discovery document and the JWK Set, and 404 for anything else.</summary>
    public HttpMessageHandler CreateHandler() => new Handler(this);

    private JwtSigningKey NewKey() =>
        JwtSigningKey.FromECDsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), JwsAlgorithm.ES256, $"idp-key-{Interlocked.Increment(ref _keys)}");

    private string Discovery()
    {
        var document = new Dictionary<string, string> { ["issuer"] = Issuer, ["jwks_uri"] = JwksUri.AbsoluteUri };
        return JsonSerializer.Serialize(document, TestingJsonContext.Default.DictionaryStringString);
    }

    private string Jwks()
    {
        Interlocked.Increment(ref _jwksRequests);
        lock (_gate)
        {
            return new JwtKeySet(_published).ToPublicJwks();
        }
    }

    private sealed class Handler(InMemoryIdentityProvider provider) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? body = request.RequestUri?.AbsoluteUri switch
            {
                string uri when uri == provider.MetadataAddress.AbsoluteUri => provider.Discovery(),
                string uri when uri == provider.JwksUri.AbsoluteUri => provider.Jwks(),
                _ => null,
            };
            var response = body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
