using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Claims;
using System.Threading;

namespace TypedJwt.AspNetCore;

/// <summary>
/// The identity a TypedJwt bearer scheme signs a request in with: the typed payload, and the claims the claims-based APIs
/// read (<c>IsInRole</c>, <c>[Authorize(Roles = ...)]</c>, <c>Identity.Name</c>, <c>FindFirst</c>), projected from that
/// payload the first time one of them is asked for, never from the token again. A request whose endpoints use only the
/// typed payload builds no claims at all. The mapping, with no claim-type renaming (<c>sub</c> stays <c>sub</c>) unless
/// <see cref="TypedJwtBearerOptions.MapInboundClaims"/> asks for it:
/// <list type="bullet">
/// <item>every claim the payload type declares and would write becomes claims of its JSON name;</item>
/// <item>a string (and a <c>Guid</c>, date, URI, enum member, scope list) its text (<see cref="ClaimValueTypes.String"/>);
/// an integer or NumericDate its digits (<see cref="ClaimValueTypes.Integer64"/>); a <c>double</c> or <c>decimal</c> its invariant
/// text (<see cref="ClaimValueTypes.Double"/>); a boolean <c>true</c>/<c>false</c> (<see cref="ClaimValueTypes.Boolean"/>);
/// a nested claims object its JSON text (value type <see cref="JsonValueType"/>);</item>
/// <item>an array one claim per element (so <c>"roles":["admin","user"]</c> is two <c>roles</c> claims), and an absent
/// optional claim none.</item>
/// </list>
/// Claims the token carries that the payload type does not declare are not projected: declare them to use them.
/// </summary>
/// <typeparam name="TPayload">The <see cref="JwtPayloadAttribute"/> type the token was validated as.</typeparam>
public sealed class JwtClaimsIdentity<TPayload> : ClaimsIdentity
    where TPayload : IJwtPayload<TPayload>
{
    /// <summary>The value type of a claim holding a JSON object (the name Microsoft.IdentityModel uses too).</summary>
    public const string JsonValueType = "JSON";

    private const int NotProjected = 0;
    private const int Projecting = 1;
    private const int Projected = 2;

    private readonly string _issuer;
    private readonly IReadOnlyDictionary<string, string>? _claimTypeMap;
    private int _state;

    /// <summary>Creates the identity; its claims are projected from <paramref name="payload"/> when first asked for.</summary>
    /// <param name="payload">The validated, typed claims.</param>
    /// <param name="authenticationType">The scheme name.</param>
    /// <param name="nameType">The claim type of <see cref="ClaimsIdentity.Name"/>.</param>
    /// <param name="roleType">The claim type of roles.</param>
    /// <param name="issuer">The <see cref="Claim.Issuer"/> of the projected claims (the scheme's <c>ClaimsIssuer</c>).</param>
    public JwtClaimsIdentity(TPayload payload, string authenticationType, string nameType, string roleType, string issuer)
        : this(payload, authenticationType, nameType, roleType, issuer, claimTypeMap: null)
    {
    }

    /// <summary>
    /// Creates the identity with its claims projected under the claim types of <paramref name="claimTypeMap"/> (JSON name to
    /// claim type; a name not in it stays as it is), as <see cref="TypedJwtBearerOptions.MapInboundClaims"/> does.
    /// <paramref name="nameType"/> and <paramref name="roleType"/> are claim types after mapping.
    /// </summary>
    /// <param name="payload">The validated, typed claims.</param>
    /// <param name="authenticationType">The scheme name.</param>
    /// <param name="nameType">The claim type of <see cref="ClaimsIdentity.Name"/>.</param>
    /// <param name="roleType">The claim type of roles.</param>
    /// <param name="issuer">The <see cref="Claim.Issuer"/> of the projected claims (the scheme's <c>ClaimsIssuer</c>).</param>
    /// <param name="claimTypeMap">The claim types to project names as, or null for the JSON names.</param>
    public JwtClaimsIdentity(TPayload payload, string authenticationType, string nameType, string roleType, string issuer, IReadOnlyDictionary<string, string>? claimTypeMap)
        : base(authenticationType, nameType, roleType)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(issuer);
        Payload = payload;
        _issuer = issuer;
        _claimTypeMap = claimTypeMap;
    }

    // The base copies the other identity's claims straight from its list, so they are projected before it looks.
    private JwtClaimsIdentity(JwtClaimsIdentity<TPayload> other)
        : base(other.EnsureProjected())
    {
        Payload = other.Payload;
        _issuer = other._issuer;
        _claimTypeMap = other._claimTypeMap;
        _state = Projected;
    }

    /// <summary>The validated, typed claims.</summary>
    public TPayload Payload { get; }

    /// <inheritdoc/>
    public override IEnumerable<Claim> Claims => EnsureProjected().BaseClaims;

    private IEnumerable<Claim> BaseClaims => base.Claims;

    /// <inheritdoc/>
    public override void AddClaim(Claim claim)
    {
        EnsureProjected();
        base.AddClaim(claim);
    }

    /// <inheritdoc/>
    public override void AddClaims(IEnumerable<Claim?> claims)
    {
        EnsureProjected();
        base.AddClaims(claims);
    }

    /// <inheritdoc/>
    public override void RemoveClaim(Claim? claim)
    {
        EnsureProjected();
        base.RemoveClaim(claim);
    }

    /// <inheritdoc/>
    public override bool TryRemoveClaim(Claim? claim)
    {
        EnsureProjected();
        return base.TryRemoveClaim(claim);
    }

    /// <inheritdoc/>
    public override ClaimsIdentity Clone() => new JwtClaimsIdentity<TPayload>(this);

    /// <inheritdoc/>
    protected override void WriteTo(BinaryWriter writer, byte[]? userData)
    {
        EnsureProjected();
        base.WriteTo(writer, userData);
    }

    private JwtClaimsIdentity<TPayload> EnsureProjected()
    {
        if (Volatile.Read(ref _state) == Projected)
        {
            return this;
        }

        if (Interlocked.CompareExchange(ref _state, Projecting, NotProjected) == NotProjected)
        {
            Payload.VisitClaims(new Projector(this));
            Volatile.Write(ref _state, Projected);
            return this;
        }

        // Another thread is projecting: wait for it rather than see half the claims.
        var wait = default(SpinWait);
        while (Volatile.Read(ref _state) != Projected)
        {
            wait.SpinOnce();
        }

        return this;
    }

    private void AddProjected(string name, string value, string valueType) =>
        base.AddClaim(new Claim(InboundClaimTypeMap.Apply(_claimTypeMap, name), value, valueType, _issuer, _issuer, this));

    private sealed class Projector(JwtClaimsIdentity<TPayload> identity) : IJwtClaimVisitor
    {
        public void VisitString(string name, string value) => identity.AddProjected(name, value, ClaimValueTypes.String);

        public void VisitInteger(string name, long value) =>
            identity.AddProjected(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

        public void VisitNumber(string name, double value) =>
            identity.AddProjected(name, value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Double);

        public void VisitNumber(string name, decimal value) =>
            identity.AddProjected(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Double);

        public void VisitBoolean(string name, bool value) => identity.AddProjected(name, value ? "true" : "false", ClaimValueTypes.Boolean);

        public void VisitObject<TClaims>(string name, TClaims value)
            where TClaims : IJwtClaimSet<TClaims>
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, JwtJson.WriterOptions))
            {
                value.WriteJson(writer);
            }

            identity.AddProjected(name, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), JsonValueType);
        }
    }
}
