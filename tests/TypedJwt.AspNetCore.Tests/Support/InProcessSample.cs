using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace TypedJwt.AspNetCore.Tests.Support;

/// <summary>The sample API in this process through WebApplicationFactory (TestServer), with the sample's default issuer and audience.</summary>
public abstract class InProcessSample(string keyKind) : SampleServer(keyKind, "https://typedjwt.sample", "typedjwt-sample-api")
{
    private WebApplicationFactory<Program>? _factory;

    public override Task InitializeAsync()
    {
        Dictionary<string, string?> settings = Settings;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings)));
        Client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

public sealed class InProcessOctSample() : InProcessSample("oct");

public sealed class InProcessRsaSample() : InProcessSample("RSA");

public sealed class InProcessEcSample() : InProcessSample("EC");
