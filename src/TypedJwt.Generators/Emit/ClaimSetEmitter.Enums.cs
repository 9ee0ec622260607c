using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Emit;

/// <summary>Emits, once per enum type a claim set uses, a reader and a writer by member name (no reflection, no Enum.Parse).</summary>
internal static partial class ClaimSetEmitter
{
    private static void WriteEnumHelpers(SourceWriter writer, ClaimSetSpec spec)
    {
        foreach (EnumSpec enumSpec in spec.Enums)
        {
            writer.WriteLine();
            writer.OpenBlock($"private static bool {EnumReadMethod(enumSpec.Key)}(ref {JsonNs}Utf8JsonReader reader, string claimName, out {enumSpec.TypeName} value, out {Jwt}JwtError error)");
            writer.OpenBlock($"if (reader.TokenType != {JsonNs}JsonTokenType.String)");
            writer.WriteLine($"return {Jwt}JwtClaimReader.InvalidType(claimName, out value, out error);");
            writer.CloseBlock();
            writer.WriteLine();
            for (int i = 0; i < enumSpec.Members.Count; i++)
            {
                EnumMemberSpec member = enumSpec.Members[i];
                writer.OpenBlock($"{(i == 0 ? "" : "else ")}if ({Jwt}JwtJson.ValueTextEquals(in reader, {Literal(member.Name)}u8))");
                writer.WriteLine($"value = {enumSpec.TypeName}.{member.Identifier};");
                writer.CloseBlock();
            }

            writer.OpenBlock(enumSpec.Members.Count == 0 ? "" : "else");
            writer.WriteLine($"return {Jwt}JwtClaimReader.InvalidValue(claimName, out value, out error);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("error = default;");
            writer.WriteLine("return true;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.OpenBlock($"private static string {EnumNameMethod(enumSpec.Key)}({enumSpec.TypeName} value) => value switch");
            foreach (EnumMemberSpec member in enumSpec.Members)
            {
                writer.WriteLine($"{enumSpec.TypeName}.{member.Identifier} => {Literal(member.Name)},");
            }

            // A value with no member name has no JSON form; writing it is a programming error, not a token problem.
            writer.WriteLine("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"The value is not a declared member of the enum.\"),");
            writer.CloseBlock(";");
        }
    }
}
