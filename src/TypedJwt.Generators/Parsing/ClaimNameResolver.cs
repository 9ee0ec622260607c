using System;
using System.Collections.Generic;
using System.Linq;
using TypedJwt.Generators.Diagnostics;
using TypedJwt.Generators.Model;
using TypedJwt.Generators.Naming;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// Names a type's claims and runs the checks that depend on the names: TJ0008 (empty), TJ0007 (reserved header
/// parameter), TJ0006 (registered claim of the wrong type), TJ0005 (duplicate), and TJ0020 (a Revocable payload without a
/// required <c>jti</c>). The names depend on the project's default
/// naming policy, which reaches the generator only after its syntax step, so these checks live here, once: the generator
/// keeps a spec only when there is no problem, and the analyzer reports each problem at the member behind its claim.
/// </summary>
internal static class ClaimNameResolver
{
    // RFC 7515 §4.1: parameters the runtime reads and writes itself (cty included: nested JWTs are the runtime's business).
    private static readonly HashSet<string> ReservedHeaderParameters = new(StringComparer.Ordinal) { "alg", "kid", "typ", "crit", "cty" };

    /// <summary>A claim's JSON name: <c>[JwtClaim]</c> wins over the naming policy.</summary>
    public static string NameOf(string declaredName, string? explicitName, JwtNamingPolicy namingPolicy)
        => explicitName ?? ClaimNaming.Apply(namingPolicy, declaredName);

    /// <summary>The emitter's model for a draft under the project's default policy, or null when a claim name is unusable.</summary>
    public static ClaimSetSpec? Resolve(ClaimSetDraft draft, JwtNamingPolicy defaultNamingPolicy)
    {
        ClaimNameResolution resolution = Resolve(draft.Claims, draft.IsHeader, draft.NamingPolicy ?? defaultNamingPolicy, draft.Unnamed.IsRevocable, draft.Unnamed.Name);
        if (resolution.Problems.Count > 0)
        {
            return null;
        }

        return draft.ToSpec(draft.Claims.Select((claim, i) => claim.ToSpec(resolution.Names[i])).ToImmutableEquatableArray());
    }

    /// <summary>
    /// Names every claim under <paramref name="namingPolicy"/> (the type's effective policy) and checks the names; a problem
    /// of the type as a whole has the claim index <see cref="ClaimNameProblem.TypeLevel"/>.
    /// </summary>
    public static ClaimNameResolution Resolve(IReadOnlyList<ClaimDraft> claims, bool isHeader, JwtNamingPolicy namingPolicy, bool revocable, string typeName)
    {
        var names = new string[claims.Count];
        var problems = new List<ClaimNameProblem>();
        var membersByClaim = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < claims.Count; i++)
        {
            ClaimDraft claim = claims[i];
            string name = names[i] = NameOf(claim.DeclaredName, claim.ExplicitName, namingPolicy);

            // A claim stops at its first problem, and only a claim without one takes its name: a member reported for being
            // reserved or mistyped is not reported again as the other half of a duplicate.
            if (name.Length == 0)
            {
                problems.Add(new ClaimNameProblem(i, DiagnosticDescriptors.InvalidClaimName, claim.DeclaredName));
            }
            else if (isHeader && ReservedHeaderParameters.Contains(name))
            {
                problems.Add(new ClaimNameProblem(i, DiagnosticDescriptors.ReservedHeaderParameter, name));
            }
            else if (!isHeader && RegisteredClaims.TryGetExpected(name, out string? expected) && !RegisteredClaims.HasExpectedType(name, claim.Unnamed.Kind, claim.Unnamed.Collection))
            {
                problems.Add(new ClaimNameProblem(i, DiagnosticDescriptors.RegisteredClaimWrongType, name, expected));
            }
            else if (membersByClaim.TryGetValue(name, out string? firstMember))
            {
                problems.Add(new ClaimNameProblem(i, DiagnosticDescriptors.DuplicateClaimName, claim.DeclaredName, name, firstMember));
            }
            else
            {
                membersByClaim.Add(name, claim.DeclaredName);
            }
        }

        if (revocable)
        {
            CheckTokenId(claims, names, typeName, problems);
        }

        return new ClaimNameResolution(names, problems);
    }

    // A Revocable payload is revoked by iss + jti, so every token of it must carry jti: the claim must exist and be required
    // (its type is TJ0006's business).
    private static void CheckTokenId(IReadOnlyList<ClaimDraft> claims, string[] names, string typeName, List<ClaimNameProblem> problems)
    {
        int index = System.Array.IndexOf(names, "jti");
        if (index < 0)
        {
            problems.Add(new ClaimNameProblem(ClaimNameProblem.TypeLevel, DiagnosticDescriptors.RevocableWithoutTokenId, typeName, "it declares no 'jti' claim"));
        }
        else if (!claims[index].Unnamed.IsRequired)
        {
            problems.Add(new ClaimNameProblem(index, DiagnosticDescriptors.RevocableWithoutTokenId, typeName, $"its 'jti' claim ('{claims[index].DeclaredName}') is optional"));
        }
    }
}
