using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Emit;

/// <summary>Emits <c>WriteJson</c>: one object, straight from the members to the <c>Utf8JsonWriter</c>.</summary>
internal static partial class ClaimSetEmitter
{
    private static void WriteWriteJson(SourceWriter writer, ClaimSetSpec spec)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public void WriteJson({JsonNs}Utf8JsonWriter writer)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.WriteLine("writer.WriteStartObject();");
        foreach (ClaimSpec claim in spec.Claims)
        {
            string member = "this." + claim.MemberName;
            if (claim.Collection == CollectionKind.ImmutableArray)
            {
                // A default ImmutableArray has no elements to enumerate; it means "not set", like null.
                writer.OpenBlock($"if (!{member}.IsDefault)");
                WriteClaim(writer, claim, member);
                writer.CloseBlock();
            }
            else if (claim.IsNullable || claim.Collection != CollectionKind.None)
            {
                // Absent optional claims are omitted, not written as null.
                writer.OpenBlock($"if ({member} is {{ }} {Value(claim)})");
                WriteClaim(writer, claim, Value(claim));
                writer.CloseBlock();
            }
            else
            {
                WriteClaim(writer, claim, member);
            }
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteClaim(SourceWriter writer, ClaimSpec claim, string value)
    {
        string name = NameField(claim);
        if (claim.Collection != CollectionKind.None)
        {
            string count = claim.Collection == CollectionKind.ReadOnlyList ? "Count" : "Length";
            writer.WriteLine($"writer.WriteStartArray({name});");
            writer.OpenBlock($"for (int __i = 0; __i < {value}.{count}; __i++)");
            writer.WriteLine(WriteValue(claim, $"{value}[__i]"));
            writer.CloseBlock();
            writer.WriteLine("writer.WriteEndArray();");
            return;
        }

        switch (claim.Kind)
        {
            case ClaimKind.String or ClaimKind.Guid:
                writer.WriteLine($"writer.WriteString({name}, {value});");
                break;
            case ClaimKind.Boolean:
                writer.WriteLine($"writer.WriteBoolean({name}, {value});");
                break;
            case ClaimKind.Int32 or ClaimKind.Int64 or ClaimKind.Double or ClaimKind.Decimal:
                writer.WriteLine($"writer.WriteNumber({name}, {value});");
                break;
            case ClaimKind.NumericDate:
                writer.WriteLine($"{Jwt}JwtNumericDate.Write(writer, {name}, {value});");
                break;
            case ClaimKind.DateOnly:
                writer.WriteLine($"{Jwt}JwtClaimWriter.WriteDateOnly(writer, {name}, {value});");
                break;
            case ClaimKind.Uri:
                writer.WriteLine($"{Jwt}JwtClaimWriter.WriteUri(writer, {name}, {value});");
                break;
            case ClaimKind.Enum:
                writer.WriteLine($"writer.WriteString({name}, {EnumNameMethod(claim.EnumKey)}({value}));");
                break;
            case ClaimKind.Audience or ClaimKind.Scope:
                writer.WriteLine($"{value}.WriteTo(writer, {name});");
                break;
            case ClaimKind.ClaimSet:
                writer.WriteLine($"writer.WritePropertyName({name});");
                writer.WriteLine($"{value}.WriteJson(writer);");
                break;
        }
    }

    private static string WriteValue(ClaimSpec claim, string value) => claim.Kind switch
    {
        ClaimKind.String or ClaimKind.Guid => $"writer.WriteStringValue({value});",
        ClaimKind.Boolean => $"writer.WriteBooleanValue({value});",
        ClaimKind.NumericDate => $"{Jwt}JwtNumericDate.WriteValue(writer, {value});",
        ClaimKind.DateOnly => $"{Jwt}JwtClaimWriter.WriteDateOnlyValue(writer, {value});",
        ClaimKind.Uri => $"{Jwt}JwtClaimWriter.WriteUriValue(writer, {value});",
        ClaimKind.Enum => $"writer.WriteStringValue({EnumNameMethod(claim.EnumKey)}({value}));",
        _ => $"writer.WriteNumberValue({value});",
    };
}
