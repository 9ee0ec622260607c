using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TypedJwt.Generators.Security;

/// <summary>
/// Recognises key material written in the source: a string or UTF-8 literal or constant, a byte array of constants (or of a
/// constant size, which is all zeros), <c>Encoding.*.GetBytes</c>, <c>Convert.FromBase64String</c> or
/// <c>Convert.FromHexString</c> of a constant, <c>ToArray()</c>/<c>AsSpan()</c> of any of those, and a local or field whose
/// initializer in the same file is one of those. A value read from configuration, a file or a secret store is not.
/// </summary>
internal static class HardCodedKeyMaterial
{
    // Locals and fields are followed this many times (a = b; b = "...").
    private const int MaxHops = 4;

    /// <summary>True when <paramref name="value"/> is hard-coded. <paramref name="byteLength"/> is its length in bytes when known, else -1; <paramref name="text"/> the constant text when it is one.</summary>
    public static bool TryGet(IOperation value, out int byteLength, out string? text) => TryGet(value, MaxHops, out byteLength, out text);

    private static bool TryGet(IOperation value, int hops, out int byteLength, out string? text)
    {
        byteLength = -1;
        text = null;
        value = Unwrap(value);
        if (value.ConstantValue is { HasValue: true, Value: string constant })
        {
            text = constant;
            byteLength = Encoding.UTF8.GetByteCount(constant);
            return true;
        }

        switch (value)
        {
            case IUtf8StringOperation utf8:
                text = utf8.Value;
                byteLength = Encoding.UTF8.GetByteCount(utf8.Value);
                return true;
            case IArrayCreationOperation array:
                return TryGetArray(array, out byteLength);
            case IInvocationOperation invocation:
                return TryGetInvocation(invocation, hops, out byteLength, out text);
            case ILocalReferenceOperation local when hops > 0:
                return TryGetInitializer(local.Local, value, hops, out byteLength, out text);
            case IFieldReferenceOperation { Field.IsReadOnly: true } field when hops > 0:
                return TryGetInitializer(field.Field, value, hops, out byteLength, out text);
        }

        // Collection expressions ([1, 2, 3]) have no operation node in the Roslyn version the analyzer targets; read the syntax.
        if (value.Syntax is CollectionExpressionSyntax collection && value.SemanticModel is { } model)
        {
            foreach (CollectionElementSyntax element in collection.Elements)
            {
                if (element is not ExpressionElementSyntax expression || !model.GetConstantValue(expression.Expression).HasValue)
                {
                    return false;
                }
            }

            byteLength = collection.Elements.Count;
            return true;
        }

        return false;
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static bool TryGetArray(IArrayCreationOperation array, out int byteLength)
    {
        byteLength = -1;
        if (array.Initializer is { } initializer)
        {
            foreach (IOperation element in initializer.ElementValues)
            {
                if (!element.ConstantValue.HasValue)
                {
                    return false;
                }
            }

            byteLength = initializer.ElementValues.Length;
            return true;
        }

        if (array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int size })
        {
            byteLength = size;
            return true;
        }

        return false;
    }

    private static bool TryGetInvocation(IInvocationOperation invocation, int hops, out int byteLength, out string? text)
    {
        byteLength = -1;
        text = null;
        IMethodSymbol method = invocation.TargetMethod;
        string? container = method.ContainingType?.ToDisplayString();
        if ((method.Name is "ToArray" or "AsSpan") && (invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)) is { } source)
        {
            return TryGet(source, hops, out byteLength, out text);
        }

        if (invocation.Arguments.Length != 1 || invocation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string constant })
        {
            return false;
        }

        switch (container, method.Name)
        {
            case ("System.Text.Encoding", "GetBytes"):
                byteLength = EncodedLength(invocation.Instance, constant);
                return true;
            case ("System.Convert", "FromBase64String"):
                byteLength = Base64Length(constant);
                return true;
            case ("System.Convert", "FromHexString"):
                byteLength = constant.Length / 2;
                return true;
            default:
                return false;
        }
    }

    private static int EncodedLength(IOperation? encoding, string text)
    {
        string? name = (encoding as IPropertyReferenceOperation)?.Property.Name;
        return name switch
        {
            "UTF8" => Encoding.UTF8.GetByteCount(text),
            "ASCII" or "Latin1" => text.Length,
            "Unicode" or "BigEndianUnicode" => text.Length * 2,
            "UTF32" => Encoding.UTF32.GetByteCount(text),
            _ => -1,
        };
    }

    private static int Base64Length(string text)
    {
        string trimmed = text.Trim();
        int padding = trimmed.EndsWith("==", StringComparison.Ordinal) ? 2 : trimmed.EndsWith("=", StringComparison.Ordinal) ? 1 : 0;
        return trimmed.Length % 4 == 0 ? (trimmed.Length / 4 * 3) - padding : -1;
    }

    private static bool TryGetInitializer(ISymbol symbol, IOperation use, int hops, out int byteLength, out string? text)
    {
        byteLength = -1;
        text = null;
        if (use.SemanticModel is not { } model)
        {
            return false;
        }

        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            // Only the file being analysed: reading another file's semantic model from an analyzer is slow and not allowed (RS1030).
            if (reference.SyntaxTree != use.Syntax.SyntaxTree
                || reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer }
                || model.GetOperation(initializer) is not ISymbolInitializerOperation operation)
            {
                continue;
            }

            return TryGet(operation.Value, hops - 1, out byteLength, out text);
        }

        return false;
    }
}
