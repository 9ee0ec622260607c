using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TypedJwt;

/// <summary>
/// A JSON object of claims (or header parameters) whose serializer, reader and validator are generated at compile time.
/// Implemented by the TypedJwt source generator for <see cref="JwtPayloadAttribute"/> and <see cref="JwtHeaderAttribute"/> types;
/// not meant to be implemented by hand.
/// </summary>
/// <typeparam name="TSelf">The annotated type.</typeparam>
public interface IJwtClaimSet<TSelf> where TSelf : IJwtClaimSet<TSelf>
{
    /// <summary>Writes the claims as one JSON object (claim names precomputed, values escaped by the writer).</summary>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>
    /// Reads the claims in one pass. <paramref name="reader"/> is positioned on the object's <see cref="JsonTokenType.StartObject"/>
    /// and is left on its <see cref="JsonTokenType.EndObject"/>. Duplicate members are rejected, unknown members skipped,
    /// arrays longer than <see cref="JwtReadOptions.MaxArrayLength"/> rejected,
    /// and a missing required claim or a wrong JSON type is an error naming the claim. Malformed JSON throws
    /// <see cref="JsonException"/> from the reader; callers on the validate path catch it.
    /// </summary>
    static abstract bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, [MaybeNullWhen(false)] out TSelf value, out JwtError error);

    /// <summary>Checks the declared constraints (DataAnnotations attributes); the error names the first claim that fails.</summary>
    JwtError ValidateConstraints();
}

/// <summary>A token payload (JWT Claims Set) type, generated for <see cref="JwtPayloadAttribute"/>.</summary>
/// <typeparam name="TSelf">The annotated type.</typeparam>
public interface IJwtPayload<TSelf> : IJwtClaimSet<TSelf> where TSelf : IJwtPayload<TSelf>
{
    /// <summary>The <c>typ</c> header the type is issued with and requires on read, or null (then <c>JWT</c> is written and nothing is required).</summary>
    static abstract string? TokenType { get; }

    /// <summary>
    /// Reads the claims as <see cref="IJwtClaimSet{TSelf}.TryReadJson"/> does and, in the same pass, gives every member that
    /// may be a registered claim a validator governs to <paramref name="registered"/> (see <see cref="JwtRegisteredClaims"/>),
    /// so that a validator reads the payload once.
    /// </summary>
    static abstract bool TryReadJson(ref Utf8JsonReader reader, in JwtReadOptions options, ref JwtRegisteredClaims registered, [MaybeNullWhen(false)] out TSelf value, out JwtError error);

    /// <summary>
    /// True when no instance can change once it is read (every member get-only or init-only, of immutable types: strings,
    /// numbers, dates, <c>ImmutableArray&lt;T&gt;</c>, ...; never an array or a list), as the generator works out for the type.
    /// A validator's verified-token cache then hands the same instance to every caller that presents the token again;
    /// otherwise each gets its own. False unless the type says otherwise.
    /// </summary>
    static virtual bool IsImmutable => false;

    /// <summary>
    /// True when the type is declared <see cref="JwtPayloadAttribute.Revocable"/>: it has a required <c>jti</c> claim, so
    /// every token of the type can be revoked by its issuer and <c>jti</c>. False unless the type says otherwise.
    /// </summary>
    static virtual bool IsRevocable => false;

    /// <summary>
    /// Hands every claim <see cref="IJwtClaimSet{TSelf}.WriteJson"/> would write to <paramref name="visitor"/>, one value at a
    /// time, in declaration order; the claims-based APIs are built from it without reading the token again.
    /// </summary>
    void VisitClaims(IJwtClaimVisitor visitor);
}

/// <summary>A typed JOSE header with extra parameters, generated for <see cref="JwtHeaderAttribute"/>.</summary>
/// <typeparam name="TSelf">The annotated type.</typeparam>
public interface IJwtHeader<TSelf> : IJwtClaimSet<TSelf> where TSelf : IJwtHeader<TSelf>
{
}
