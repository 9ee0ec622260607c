using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TypedJwt.AspNetCore;

namespace TypedJwt.SampleApi;

/// <summary>Prints where the API listens and a curl line to try it, once the server has bound its addresses.</summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // A test host has no server addresses; there is nothing to print then.
            string? address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                return;
            }

            string url = Browsable(address);
            TypedJwtBearerOptions options = app.Services.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>().Get(TypedJwtBearerDefaults.AuthenticationScheme);
            Console.WriteLine();
            Console.WriteLine($"TypedJwt sample API listening on {url}");
            Console.WriteLine($"  page:  {url}/");
            if (options.SigningKey is not { } key)
            {
                // Provider mode: the keys are the provider's; the sample issues no token.
                Console.WriteLine($"  keys:  from the identity provider {options.Authority ?? options.MetadataAddress ?? options.JwksUri} (POST /token and /.well-known/jwks.json answer 404)");
                Console.WriteLine($"  then:  curl -s {url}/me -H \"Authorization: Bearer $PROVIDER_TOKEN\"");
                Console.WriteLine();
                return;
            }

            Console.WriteLine($"  key:   {key.Algorithm}, kid {key.KeyId}{(options.SigningKeyIsEphemeral ? " (ephemeral: Jwt:SigningKey is not set; tokens die with the process)" : "")}");
            string? redis = SampleRevocation.Describe(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
            Console.WriteLine($"  revocations: {(redis is null ? "in memory (this process only; set ConnectionStrings:Redis to share them)" : "Redis " + RedisEndpoint(redis))}");
            Console.WriteLine($"  try:   curl -s -X POST {url}/token -H 'Content-Type: application/json' -d '{{\"username\":\"alice\",\"password\":\"alice-pass\"}}'");
            Console.WriteLine($"  then:  curl -s {url}/me -H \"Authorization: Bearer $TOKEN\"");
            Console.WriteLine();
        });
    }

    // The configuration string's first part (host:port), never its options (a password may follow).
    private static string RedisEndpoint(string configuration) => configuration.Split(',', 2)[0];

    // Wildcard bindings are not addresses a browser or curl can open; name the local host instead.
    private static string Browsable(string address) => address.TrimEnd('/')
        .Replace("://+:", "://localhost:", StringComparison.Ordinal)
        .Replace("://*:", "://localhost:", StringComparison.Ordinal)
        .Replace("://[::]:", "://localhost:", StringComparison.Ordinal)
        .Replace("://0.0.0.0:", "://localhost:", StringComparison.Ordinal);
}
