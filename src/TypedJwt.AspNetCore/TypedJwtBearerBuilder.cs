using System;
using Microsoft.AspNetCore.Authentication;

namespace TypedJwt.AspNetCore;

/// <summary>
/// What <c>AddTypedJwtBearer</c> returns: the <see cref="AuthenticationBuilder"/> it was called on (chain other schemes
/// as before), scoped to the scheme just added, so that scheme-level features such as <c>AddRevocation</c> know which
/// scheme they extend.
/// </summary>
public sealed class TypedJwtBearerBuilder : AuthenticationBuilder
{
    /// <summary>Creates the builder for the scheme named <paramref name="authenticationScheme"/>, validating <paramref name="payloadType"/>.</summary>
    public TypedJwtBearerBuilder(AuthenticationBuilder builder, string authenticationScheme, Type payloadType)
        : base((builder ?? throw new ArgumentNullException(nameof(builder))).Services)
    {
        AuthenticationScheme = authenticationScheme ?? throw new ArgumentNullException(nameof(authenticationScheme));
        PayloadType = payloadType ?? throw new ArgumentNullException(nameof(payloadType));
    }

    /// <summary>The scheme's name.</summary>
    public string AuthenticationScheme { get; }

    /// <summary>The <see cref="JwtPayloadAttribute"/> type the scheme validates tokens as.</summary>
    public Type PayloadType { get; }
}
