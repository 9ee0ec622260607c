using System;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TypedJwt;
using TypedJwt.AspNetCore;

// In the namespace users already import for AddAuthentication, like the other authentication handlers.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TypedJwt bearer authentication.</summary>
public static class TypedJwtBearerExtensions
{
    /// <summary>
    /// Adds the <c>Bearer</c> scheme, validating tokens as <typeparamref name="TPayload"/>, with settings read from
    /// <paramref name="configuration"/> (<c>SigningKey</c>, <c>Issuer</c>, <c>Audience</c>, <c>TokenLifetime</c>).
    /// Also registers <see cref="JwtIssuer{TPayload}"/> for the scheme.
    /// </summary>
    public static TypedJwtBearerBuilder AddTypedJwtBearer<TPayload>(this AuthenticationBuilder builder, IConfiguration configuration)
        where TPayload : IJwtPayload<TPayload> =>
        builder.AddTypedJwtBearer<TPayload>(TypedJwtBearerDefaults.AuthenticationScheme, configuration, null);

    /// <summary>
    /// Adds the <c>Bearer</c> scheme, validating tokens as <typeparamref name="TPayload"/>, with settings read from
    /// <paramref name="configuration"/> (<c>SigningKey</c>, <c>Issuer</c>, <c>Audience</c>, <c>TokenLifetime</c>) and then
    /// <paramref name="configureOptions"/>. Also registers <see cref="JwtIssuer{TPayload}"/> for the scheme.
    /// </summary>
    public static TypedJwtBearerBuilder AddTypedJwtBearer<TPayload>(
        this AuthenticationBuilder builder, IConfiguration configuration, Action<TypedJwtBearerOptions>? configureOptions)
        where TPayload : IJwtPayload<TPayload> =>
        builder.AddTypedJwtBearer<TPayload>(TypedJwtBearerDefaults.AuthenticationScheme, configuration, configureOptions);

    /// <summary>Adds the <c>Bearer</c> scheme, validating tokens as <typeparamref name="TPayload"/>, configured in code.</summary>
    public static TypedJwtBearerBuilder AddTypedJwtBearer<TPayload>(this AuthenticationBuilder builder, Action<TypedJwtBearerOptions> configureOptions)
        where TPayload : IJwtPayload<TPayload> =>
        builder.AddTypedJwtBearer<TPayload>(TypedJwtBearerDefaults.AuthenticationScheme, null, configureOptions);

    /// <summary>
    /// Adds a scheme named <paramref name="authenticationScheme"/> that validates tokens as <typeparamref name="TPayload"/>.
    /// The options are checked when the host starts (a bad or missing key stops start-up with a message naming the setting).
    /// <see cref="JwtIssuer{TPayload}"/> is registered for the first scheme added for <typeparamref name="TPayload"/>.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name.</param>
    /// <param name="configuration">A section to read settings from, or null.</param>
    /// <param name="configureOptions">Configures the options after the section was read, or null.</param>
    /// <returns>The builder, scoped to the new scheme (<c>.AddRevocation(...)</c>); other schemes chain as on any <see cref="AuthenticationBuilder"/>.</returns>
    public static TypedJwtBearerBuilder AddTypedJwtBearer<TPayload>(
        this AuthenticationBuilder builder, string authenticationScheme, IConfiguration? configuration, Action<TypedJwtBearerOptions>? configureOptions)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(authenticationScheme);
        IServiceCollection services = builder.Services;

        OptionsBuilder<TypedJwtBearerOptions> options = services.AddOptions<TypedJwtBearerOptions>(authenticationScheme);
        if (configuration is not null)
        {
            options.Configure(o => TypedJwtBearerConfiguration.Apply(configuration, o));

            // A change of the section (a new SigningKey, say) reloads the scheme's options without a restart.
            services.AddSingleton<IOptionsChangeTokenSource<TypedJwtBearerOptions>>(new ConfigurationChangeTokenSource<TypedJwtBearerOptions>(authenticationScheme, configuration));
        }

        services.AddSingleton<IPostConfigureOptions<TypedJwtBearerOptions>>(
            sp => new TypedJwtBearerPostConfigure<TPayload>(authenticationScheme, sp));
        services.AddSingleton<IValidateOptions<TypedJwtBearerOptions>>(new TypedJwtBearerOptionsValidation(authenticationScheme));

        // Identity-provider keys are fetched with this named client, so hosts and tests can give it their own handler.
        services.AddHttpClient(RemoteJwtKeySource.HttpClientName);
        options.ValidateOnStart();

        services.TryAddSingleton(sp => new BearerMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(sp => new JwtIssuer<TPayload>(sp.GetRequiredService<IOptionsMonitor<TypedJwtBearerOptions>>(), authenticationScheme));
        builder.AddScheme<TypedJwtBearerOptions, TypedJwtBearerHandler<TPayload>>(authenticationScheme, configureOptions);
        return new TypedJwtBearerBuilder(builder, authenticationScheme, typeof(TPayload));
    }
}
