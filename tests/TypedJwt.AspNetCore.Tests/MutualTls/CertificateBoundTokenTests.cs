using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TypedJwt.AspNetCore.Tests.Handler;
using TypedJwt.SampleApi;

namespace TypedJwt.AspNetCore.Tests.MutualTls;

/// <summary>
/// Certificate-bound access tokens (RFC 8705 §3) over real TLS: Kestrel on loopback with a self-signed server certificate,
/// asking for client certificates; a token whose <c>cnf.x5t#S256</c> names client certificate A is accepted from a
/// connection that presented A, and refused without a certificate or with another; unbound tokens stay bearer tokens.
/// </summary>
public sealed class CertificateBoundTokenTests
{
    private static readonly JwtSigningKey Key = JwtSigningKey.CreateHmac(JwsAlgorithm.HS256, RandomNumberGenerator.GetBytes(32), "k1");

    [Fact]
    public async Task A_token_bound_to_a_client_certificate_is_accepted_only_over_a_connection_that_presents_it()
    {
        using X509Certificate2 server = Certificate("CN=localhost", "1.3.6.1.5.5.7.3.1");
        using X509Certificate2 clientA = Certificate("CN=client-a", "1.3.6.1.5.5.7.3.2");
        using X509Certificate2 clientB = Certificate("CN=client-b", "1.3.6.1.5.5.7.3.2");
        await using WebApplication app = await StartAsync(server);
        string bound = Token(new JwtConfirmation { X509CertificateThumbprint = Thumbprint(clientA) });
        string unbound = Token(confirmation: null);

        HttpStatusCode withA = await GetMeAsync(app, clientA, bound);
        HttpStatusCode withB = await GetMeAsync(app, clientB, bound);
        (HttpStatusCode withNone, string challenge) = await GetMeWithChallengeAsync(app, client: null, bound);
        HttpStatusCode unboundWithNone = await GetMeAsync(app, client: null, unbound);

        Assert.Equal(HttpStatusCode.OK, withA);
        Assert.Equal(HttpStatusCode.Unauthorized, withB);
        Assert.Equal(HttpStatusCode.Unauthorized, withNone);
        Assert.Contains("x5t#S256", challenge, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unboundWithNone);
    }

    private static async Task<WebApplication> StartAsync(X509Certificate2 serverCertificate)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.AllowAnyClientCertificate();
        })));
        builder.Services.AddAuthentication(TypedJwtBearerDefaults.AuthenticationScheme)
            .AddTypedJwtBearer<AccessToken>(o =>
            {
                o.SigningKey = Key;
                o.Issuer = TestApp.Issuer;
                o.Audience = TestApp.Audience;
            })
            .AddCertificateBoundTokens();
        builder.Services.AddAuthorization();
        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", () => "ok").RequireAuthorization();
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpStatusCode> GetMeAsync(WebApplication app, X509Certificate2? client, string token) =>
        (await GetMeWithChallengeAsync(app, client, token)).Status;

    private static async Task<(HttpStatusCode Status, string Challenge)> GetMeWithChallengeAsync(WebApplication app, X509Certificate2? client, string token)
    {
        using var handler = new HttpClientHandler
        {
            ClientCertificateOptions = ClientCertificateOption.Manual,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        if (client is not null)
        {
            handler.ClientCertificates.Add(client);
        }

        using var http = new HttpClient(handler) { BaseAddress = new Uri(TestApp.Address(app).AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)) };
        using HttpResponseMessage response = await http.SendAsync(TestApp.Get("/me", token));
        return (response.StatusCode, response.Headers.WwwAuthenticate.ToString());
    }

    private static string Token(JwtConfirmation? confirmation) => JwsWriter.Write(
        new AccessToken
        {
            Issuer = TestApp.Issuer,
            Audience = TestApp.Audience,
            Subject = "alice",
            IssuedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5),
            TokenId = Guid.NewGuid().ToString("N"),
            Roles = ["user"],
            Confirmation = confirmation,
        },
        Key);

    private static string Thumbprint(X509Certificate2 certificate) => Base64Url.EncodeToString(SHA256.HashData(certificate.RawData));

    // A self-signed certificate for one purpose (server or client authentication), loaded back from PKCS#12 so TLS can use its key.
    private static X509Certificate2 Certificate(string subject, string purpose)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(purpose)], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
