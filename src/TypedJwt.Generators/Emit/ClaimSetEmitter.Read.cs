using System.Linq;
using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Emit;

/// <summary>
/// Emits <c>TryReadJson</c>: one pass over the object. Known claims are matched with <c>JwtJson.ValueTextEquals</c> on UTF-8
/// literals (which also matches escaped spellings, and reports an escape that encodes no text as malformed JSON rather than
/// throwing the reader's InvalidOperationException) and tracked in a bit mask; unknown members go to a <c>JwtMemberNameSet</c> and are
/// skipped strictly. The instance is created only after every check passed. A payload's reader also hands each member that
/// may be a registered claim a validator governs (<c>GovernedClaims</c>: <c>exp</c>, <c>nbf</c>, <c>iat</c>, <c>iss</c>,
/// <c>aud</c>, declared or not) to the validator's <c>JwtRegisteredClaims</c>, so that validating and reading is one pass.
/// </summary>
internal static partial class ClaimSetEmitter
{
    private static void WriteTryReadJson(SourceWriter writer, ClaimSetSpec spec)
    {
        string parameters = $"(ref {JsonNs}Utf8JsonReader reader, in {Jwt}JwtReadOptions options, ";
        string outputs = $"[global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {spec.FullyQualifiedName} value, out {Jwt}JwtError error)";
        string registered = $"ref {Jwt}JwtRegisteredClaims registered, ";
        bool observes = !spec.IsHeader;
        if (observes)
        {
            // The overload a validator calls is plumbing: implemented explicitly, so the user's type does not show it. Both
            // entry points share a private overload with the body.
            writer.WriteLine("/// <inheritdoc/>");
            writer.OpenBlock("public static bool TryReadJson" + parameters + outputs);
            writer.WriteLine($"var registered = default({Jwt}JwtRegisteredClaims);");
            writer.WriteLine("return TryReadJson(ref reader, in options, ref registered, out value, out error);");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine($"static bool {Jwt}IJwtPayload<{spec.FullyQualifiedName}>.TryReadJson" + parameters + registered + outputs);
            writer.Indent();
            writer.WriteLine("=> TryReadJson(ref reader, in options, ref registered, out value, out error);");
            writer.Unindent();
            writer.WriteLine();
            writer.WriteLine("/// <summary>The one pass both entry points share: reads the claims and hands the governed ones to <paramref name=\"registered\"/>.</summary>");
            writer.OpenBlock("private static bool TryReadJson" + parameters + registered + outputs);
        }
        else
        {
            writer.WriteLine("/// <inheritdoc/>");
            writer.OpenBlock("public static bool TryReadJson" + parameters + outputs);
        }

        writer.WriteLine("value = default;");
        writer.OpenBlock($"if (reader.TokenType != {JsonNs}JsonTokenType.StartObject)");
        writer.WriteLine($"error = {Jwt}JwtError.Create({Jwt}JwtErrorCode.MalformedJson);");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("ulong __seen = 0;");
        foreach (ClaimSpec claim in spec.Claims)
        {
            writer.WriteLine($"{claim.TypeName} {Value(claim)} = default;");
        }

        writer.WriteLine($"var __unknown = new {Jwt}JwtMemberNameSet(stackalloc byte[{Jwt}JwtJson.NameBufferSize]);");
        writer.OpenBlock("try");
        writer.OpenBlock($"while (reader.Read() && reader.TokenType == {JsonNs}JsonTokenType.PropertyName)");
        for (int i = 0; i < spec.Claims.Count; i++)
        {
            ClaimSpec claim = spec.Claims[i];
            writer.OpenBlock($"{(i == 0 ? "" : "else ")}if ({Jwt}JwtJson.ValueTextEquals(in reader, {Literal(claim.ClaimName)}u8))");
            writer.OpenBlock($"if (!{Jwt}JwtClaimReader.TryMarkSeen(ref __seen, {Bit(claim)}, {Literal(claim.ClaimName)}, out error))");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("reader.Read();");
            if (observes && GovernedClaims.Contains(claim.ClaimName))
            {
                writer.OpenBlock($"if (!registered.TryReadValue(ref reader, {Literal(claim.ClaimName)}, out error))");
                writer.WriteLine("return false;");
                writer.CloseBlock();
                writer.WriteLine();
            }

            WriteReadClaim(writer, claim);
            writer.CloseBlock();
        }

        writer.OpenBlock(spec.Claims.Count == 0 ? "" : "else");
        writer.OpenBlock("if (!__unknown.TryAdd(in reader))");
        writer.WriteLine($"error = {Jwt}JwtJson.DuplicateMember(in reader);");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        if (observes)
        {
            writer.OpenBlock("if (!registered.TryRead(in reader, out error))");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.OpenBlock($"if (!{Jwt}JwtJson.TrySkipValue(ref reader, null, options.MaxArrayLength, out error))");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        writer.OpenBlock("finally");
        writer.WriteLine("__unknown.Dispose();");
        writer.CloseBlock();
        writer.WriteLine();

        foreach (ClaimSpec claim in spec.Claims.Where(c => c.IsRequired))
        {
            writer.OpenBlock($"if (!{Jwt}JwtClaimReader.TryRequire(__seen, {Bit(claim)}, {Literal(claim.ClaimName)}, out error))");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        WriteList(writer, $"value = new {spec.FullyQualifiedName}(", ["__seen", .. spec.Claims.Select(Value)], ");");
        writer.WriteLine("error = default;");
        writer.WriteLine("return true;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void WriteReadClaim(SourceWriter writer, ClaimSpec claim)
    {
        string name = Literal(claim.ClaimName);
        if (claim.IsNullable)
        {
            // For a nullable claim, JSON null means "no value"; the readers below treat null as a wrong type.
            writer.OpenBlock($"if (reader.TokenType == {JsonNs}JsonTokenType.Null)");
            writer.WriteLine($"{Value(claim)} = null;");
            writer.CloseBlock();
            writer.OpenBlock("else");
        }

        if (claim.Collection != CollectionKind.None)
        {
            string array = ArrayLocal(claim);
            writer.OpenBlock($"if (!{Jwt}JwtClaimReader.TryReadArray<{claim.ValueTypeName}>(ref reader, {name}, in options, {ElementReader(claim)}, out {claim.ValueTypeName}[]? {array}, out error))");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine(claim.Collection == CollectionKind.ImmutableArray
                ? $"{Value(claim)} = global::System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray({array});"
                : $"{Value(claim)} = {array};");
        }
        else
        {
            // A Nullable<T> member cannot be an `out T` argument, so its value goes through a T first.
            string target = claim.IsNullableValueType ? $"{claim.ValueTypeName} {ReadLocal(claim)}" : Value(claim);
            writer.OpenBlock($"if (!{ReadCall(claim, name, target)})");
            writer.WriteLine("return false;");
            writer.CloseBlock();
            if (claim.IsNullableValueType)
            {
                writer.WriteLine();
                writer.WriteLine($"{Value(claim)} = {ReadLocal(claim)};");
            }
        }

        if (claim.IsNullable)
        {
            writer.CloseBlock();
        }
    }

    private static string ReadCall(ClaimSpec claim, string name, string target) => claim.Kind switch
    {
        ClaimKind.Audience => $"{Jwt}JwtClaimReader.TryReadAudience(ref reader, {name}, in options, out {target}, out error)",
        ClaimKind.ClaimSet => $"{Jwt}JwtClaimReader.TryReadObject<{claim.ValueTypeName}>(ref reader, {name}, in options, out {target}, out error)",
        _ => $"{ElementReader(claim)}(ref reader, {name}, out {target}, out error)",
    };

    private static string ElementReader(ClaimSpec claim) => claim.Kind switch
    {
        ClaimKind.String => $"{Jwt}JwtClaimReader.TryReadString",
        ClaimKind.Boolean => $"{Jwt}JwtClaimReader.TryReadBoolean",
        ClaimKind.Int32 => $"{Jwt}JwtClaimReader.TryReadInt32",
        ClaimKind.Int64 => $"{Jwt}JwtClaimReader.TryReadInt64",
        ClaimKind.Double => $"{Jwt}JwtClaimReader.TryReadDouble",
        ClaimKind.Decimal => $"{Jwt}JwtClaimReader.TryReadDecimal",
        ClaimKind.Guid => $"{Jwt}JwtClaimReader.TryReadGuid",
        ClaimKind.NumericDate => $"{Jwt}JwtClaimReader.TryReadNumericDate",
        ClaimKind.DateOnly => $"{Jwt}JwtClaimReader.TryReadDateOnly",
        ClaimKind.Uri => $"{Jwt}JwtClaimReader.TryReadUri",
        ClaimKind.Enum => EnumReadMethod(claim.EnumKey),
        _ => $"{Jwt}JwtClaimReader.TryReadScope",
    };
}
