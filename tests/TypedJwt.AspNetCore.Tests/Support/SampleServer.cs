namespace TypedJwt.AspNetCore.Tests.Support;

/// <summary>A running sample API configured with one key: the client that talks to it and what it was configured with.</summary>
public abstract class SampleServer : IAsyncLifetime
{
    protected SampleServer(string keyKind, string issuer, string audience)
        : this(SampleKey.Create(keyKind), issuer, audience)
    {
    }

    /// <summary>A server with a given key: instances of one fleet share theirs.</summary>
    protected SampleServer(SampleKey key, string issuer, string audience)
    {
        Key = key;
        Issuer = issuer;
        Audience = audience;
    }

    public SampleKey Key { get; }

    public string Issuer { get; }

    public string Audience { get; }

    public HttpClient Client { get; protected set; } = null!;

    /// <summary>The configuration the sample is started with.</summary>
    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Jwt:SigningKey"] = Key.Jwk,
        ["Jwt:Issuer"] = Issuer,
        ["Jwt:Audience"] = Audience,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
