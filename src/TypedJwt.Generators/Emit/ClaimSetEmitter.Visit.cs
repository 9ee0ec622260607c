using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Emit;

/// <summary>
/// Emits <c>VisitClaims</c> for a payload: every claim <c>WriteJson</c> would write, handed to an <c>IJwtClaimVisitor</c> one
/// value at a time (arrays element by element, absent values not at all), so that the claims-based APIs are built from the
/// typed object rather than from the token's JSON.
/// </summary>
internal static partial class ClaimSetEmitter
{
    private static void WriteVisitClaims(SourceWriter writer, ClaimSetSpec spec)
    {
        writer.WriteLine("/// <inheritdoc/>");
        // Plumbing for the claims-based APIs, implemented explicitly so the user's type does not show it.
        writer.OpenBlock($"void {Jwt}IJwtPayload<{spec.FullyQualifiedName}>.VisitClaims({Jwt}IJwtClaimVisitor visitor)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(visitor);");
        foreach (ClaimSpec claim in spec.Claims)
        {
            string member = "this." + claim.MemberName;
            string local = Value(claim);
            if (claim.Collection == CollectionKind.ImmutableArray)
            {
                writer.OpenBlock($"if (!{member}.IsDefault)");
                WriteVisitEach(writer, claim, member);
                writer.CloseBlock();
            }
            else if (claim.Collection != CollectionKind.None)
            {
                writer.OpenBlock($"if ({member} is {{ }} {local})");
                WriteVisitEach(writer, claim, local);
                writer.CloseBlock();
            }
            else if (claim.IsNullable || !claim.IsValueType)
            {
                // Absent optional claims are not written, so not visited; nor is a null a non-nullable member holds.
                writer.OpenBlock($"if ({member} is {{ }} {local})");
                writer.WriteLine(VisitValue(claim, local));
                writer.CloseBlock();
            }
            else
            {
                writer.WriteLine(VisitValue(claim, member));
            }
        }

        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteVisitEach(SourceWriter writer, ClaimSpec claim, string collection)
    {
        writer.OpenBlock($"foreach ({claim.ValueTypeName} __e in {collection})");
        if (!claim.IsValueType)
        {
            writer.OpenBlock("if (__e is not null)");
            writer.WriteLine(VisitValue(claim, "__e"));
            writer.CloseBlock();
        }
        else
        {
            writer.WriteLine(VisitValue(claim, "__e"));
        }

        writer.CloseBlock();
    }

    private static string VisitValue(ClaimSpec claim, string value)
    {
        string name = Literal(claim.ClaimName);
        return claim.Kind switch
        {
            ClaimKind.String => $"visitor.VisitString({name}, {value});",
            ClaimKind.Boolean => $"visitor.VisitBoolean({name}, {value});",
            ClaimKind.Int32 or ClaimKind.Int64 => $"visitor.VisitInteger({name}, {value});",
            ClaimKind.Double or ClaimKind.Decimal => $"visitor.VisitNumber({name}, {value});",
            ClaimKind.Guid => $"{Jwt}JwtClaimVisits.Guid(visitor, {name}, {value});",
            ClaimKind.NumericDate => $"{Jwt}JwtClaimVisits.NumericDate(visitor, {name}, {value});",
            ClaimKind.DateOnly => $"{Jwt}JwtClaimVisits.Date(visitor, {name}, {value});",
            ClaimKind.Uri => $"{Jwt}JwtClaimVisits.Uri(visitor, {name}, {value});",
            ClaimKind.Enum => $"visitor.VisitString({name}, {EnumNameMethod(claim.EnumKey)}({value}));",
            ClaimKind.Audience => $"{Jwt}JwtClaimVisits.Audience(visitor, {name}, {value});",
            ClaimKind.Scope => $"{Jwt}JwtClaimVisits.Scope(visitor, {name}, {value});",
            _ => $"visitor.VisitObject({name}, {value});",
        };
    }
}
