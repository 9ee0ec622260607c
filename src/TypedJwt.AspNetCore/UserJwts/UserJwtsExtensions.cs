using System;
using Microsoft.Extensions.Options;
using TypedJwt;
using TypedJwt.AspNetCore;

// In the namespace users already import for AddAuthentication, like AddTypedJwtBearer.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Accepts <c>dotnet user-jwts</c> tokens in development.</summary>
public static class UserJwtsExtensions
{
    /// <summary>
    /// Opt-in, and active in the Development environment only: the scheme also accepts tokens made by
    /// <c>dotnet user-jwts create</c>, read from the section the tool writes (<c>Authentication:Schemes:{scheme}</c>: its
    /// signing key, issuer and audiences), and turned into <typeparamref name="TPayload"/> by <paramref name="convert"/>
    /// (for example the <c>role</c> claim into the payload's roles). Such tokens are HS256 without <c>kid</c> and
    /// <c>typ: JWT</c>; they are validated as <see cref="UserJwtsToken"/>, with their own issuer and audiences, and only
    /// after the scheme's own validation refused them. In any other environment this does nothing.
    /// </summary>
    /// <param name="builder">The scheme, as <c>AddTypedJwtBearer</c> returned it.</param>
    /// <param name="convert">Makes the scheme's payload from a validated user-jwts token.</param>
    /// <returns>The builder.</returns>
    public static TypedJwtBearerBuilder AddUserJwts<TPayload>(this TypedJwtBearerBuilder builder, Func<UserJwtsToken, TPayload> convert)
        where TPayload : IJwtPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(convert);
        if (builder.PayloadType != typeof(TPayload))
        {
            throw new ArgumentException($"The scheme '{builder.AuthenticationScheme}' validates {builder.PayloadType.Name}; convert user-jwts tokens to that type, not {typeof(TPayload).Name}.", nameof(convert));
        }

        string scheme = builder.AuthenticationScheme;
        builder.Services.AddSingleton<IPostConfigureOptions<TypedJwtBearerOptions>>(sp => new UserJwtsPostConfigure<TPayload>(scheme, sp, convert));
        return builder;
    }
}
