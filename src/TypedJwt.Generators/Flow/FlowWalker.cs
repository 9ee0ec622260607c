using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace TypedJwt.Generators.Flow;

/// <summary>
/// Follows a value backwards, inside one method, from a claim to where it comes from: through locals (every assignment,
/// <c>foreach</c> and pattern declarations), parameters (a lambda's state parameter to the argument it is given), <c>?:</c>,
/// <c>??</c>, <c>?.</c>, interpolation and concatenation, <c>ToString()</c>, conversions, encodings (Base64, hex, UTF-8:
/// not protection) and collections. It stops at a source (<see cref="SourceJudge"/>), at a call that encrypts or MACs, at an
/// unkeyed hash unless the value is low-entropy (<see cref="ProtectingCalls"/>), and at any other call: an unknown method
/// may look up, validate or mask. Built per operation block, and only for a block that writes a claim.
/// </summary>
internal sealed class FlowWalker
{
    private const int MaxDepth = 32;

    private readonly SourceJudge _judge;
    private readonly ImmutableArray<IOperation> _blocks;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ISymbol> _active = new(SymbolEqualityComparer.Default);
    private Dictionary<ISymbol, List<IOperation>>? _definitions;

    public FlowWalker(SourceJudge judge, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken)
    {
        _judge = judge;
        _blocks = blocks;
        _cancellationToken = cancellationToken;
    }

    public SensitiveValue? Trace(IOperation? operation) => Trace(operation, 0);

    private SensitiveValue? Trace(IOperation? operation, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        int next = depth + 1;
        switch (operation)
        {
            case IConversionOperation conversion:
                return Trace(conversion.Operand, next);
            case IParenthesizedOperation parenthesized:
                return Trace(parenthesized.Operand, next);
            case IConditionalOperation conditional:
                return Trace(conditional.WhenTrue, next) ?? Trace(conditional.WhenFalse, next);
            case ICoalesceOperation coalesce:
                return Trace(coalesce.Value, next) ?? Trace(coalesce.WhenNull, next);
            case IConditionalAccessOperation conditionalAccess:
                return Trace(conditionalAccess.WhenNotNull, next);
            case IConditionalAccessInstanceOperation instance:
                return Trace(ConditionalReceiver(instance), next);
            case IInterpolatedStringOperation interpolated:
                return Any(interpolated.Parts, next);
            case IInterpolationOperation interpolation:
                return Trace(interpolation.Expression, next);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Trace(binary.LeftOperand, next) ?? Trace(binary.RightOperand, next);
            case ISimpleAssignmentOperation assignment:
                return Trace(assignment.Value, next);
            case IAwaitOperation awaited:
                return Trace(awaited.Operation, next);
            case ISwitchExpressionOperation @switch:
                foreach (ISwitchExpressionArmOperation arm in @switch.Arms)
                {
                    if (Trace(arm.Value, next) is { } armValue)
                    {
                        return armValue;
                    }
                }

                return null;
            case IArrayCreationOperation array:
                return Trace(array.Initializer, next);
            case IArrayInitializerOperation initializer:
                return Any(initializer.ElementValues, next);
            case IArrayElementReferenceOperation element:
                return Trace(element.ArrayReference, next);
            case IObjectCreationOperation creation:
                return Creation(creation, next);
            case IInvocationOperation invocation:
                return Invocation(invocation, next);
            case IPropertyReferenceOperation property:
                return Member(property, property.Property, property.Property.Type, property.Instance, next);
            case IFieldReferenceOperation field:
                return Member(field, field.Field, field.Field.Type, field.Instance, next);
            case IParameterReferenceOperation parameter:
                return Parameter(parameter, next);
            case ILocalReferenceOperation local:
                return Local(local.Local, $"local '{local.Local.Name}'", next);
            case IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call }:
                // An out argument: what the parameter is called, or what the method says it gives (TryGetSecret(out var s)).
                return _judge.Judge(parameter, parameter.Type, $"'{call.TargetMethod.Name}(out {parameter.Name})'")
                    ?? _judge.Judge(call.TargetMethod, parameter.Type, Display(call));
            default:
                // Collection expressions ([a, b]) have no operation interface in Roslyn 4.8: their elements are children.
                return operation.Syntax.IsKind(SyntaxKind.CollectionExpression) ? Any(operation.ChildOperations, next) : null;
        }
    }

    private SensitiveValue? Any(IEnumerable<IOperation> operations, int depth)
    {
        foreach (IOperation operation in operations)
        {
            if (Trace(operation, depth) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    // A string or a collection built from values holds them (new string(chars), new List<string> { pwd }); an object does not say.
    private SensitiveValue? Creation(IObjectCreationOperation creation, int depth)
    {
        if (FlowShape.Of(creation.Type) == Model.ClaimKind.ClaimSet)
        {
            return null;
        }

        foreach (IArgumentOperation argument in creation.Arguments)
        {
            if (Trace(argument.Value, depth) is { } value)
            {
                return value;
            }
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (IOperation element in initializer.Initializers)
            {
                if (element is IInvocationOperation add && AnyArgument(add, depth) is { } value)
                {
                    return value;
                }
            }
        }

        return null;
    }

    private SensitiveValue? Invocation(IInvocationOperation invocation, int depth)
    {
        IMethodSymbol method = invocation.TargetMethod;
        switch (ProtectingCalls.Classify(method, invocation.Instance?.Type))
        {
            case CallEffect.Protection:
                return null;
            case CallEffect.UnkeyedHash:
                SensitiveValue? input = AnyArgument(invocation, depth) ?? Trace(invocation.Instance, depth);
                if (input is not null)
                {
                    return input.LowEntropy ? input.ThroughHash($"hash '{method.ContainingType?.Name}.{method.Name}'") : null;
                }

                break;
            default:
                if (TransparentCalls.Keeps(method))
                {
                    SensitiveValue? kept = Trace(invocation.Instance, depth) ?? AnyArgument(invocation, depth);
                    if (kept is not null)
                    {
                        return kept;
                    }
                }

                break;
        }

        // A local function of this block: what it returns.
        if (method.MethodKind == MethodKind.LocalFunction && Local(method.OriginalDefinition, $"'{method.Name}()'", depth) is { } returned)
        {
            return returned;
        }

        // GetPassword(), user.GetNationalId(): the method's name, judged by what it returns.
        return _judge.Judge(method, method.ReturnType, Display(invocation), ReceiverName(invocation.Instance), null);
    }

    private SensitiveValue? AnyArgument(IInvocationOperation invocation, int depth)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (Trace(argument.Value, depth) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private SensitiveValue? Member(IOperation reference, ISymbol member, ITypeSymbol type, IOperation? instance, int depth)
    {
        SensitiveValue? value = _judge.Judge(member, type, Display(reference), ReceiverName(instance), instance?.Type)
            ?? SourceJudge.ByType(type, Display(reference));
        if (value is null && member.Name == "Value" && instance is not null)
        {
            // pin.Value, lazySecret.Value: the wrapper's value is what the wrapper holds.
            value = Trace(instance, depth);
        }

        return value;
    }

    private SensitiveValue? Parameter(IParameterReferenceOperation reference, int depth)
    {
        IParameterSymbol parameter = reference.Parameter;
        if (_judge.Judge(parameter, parameter.Type, $"parameter '{parameter.Name}'") is { } value)
        {
            return value;
        }

        if (SourceJudge.ByType(parameter.Type, $"parameter '{parameter.Name}'") is { } typed)
        {
            return typed;
        }

        // issuer.Issue(user, static (t, u) => new Token { Nick = u.Password }): the lambda's state is the call's argument.
        if (parameter.Ordinal >= 1 && StateArgument(reference, parameter) is { } state)
        {
            return Trace(state, depth + 1)?.Then($"parameter '{parameter.Name}'");
        }

        return Local(parameter, $"parameter '{parameter.Name}'", depth);
    }

    private SensitiveValue? Local(ISymbol symbol, string step, int depth)
    {
        if (symbol is ILocalSymbol local
            && (_judge.Judge(local, local.Type, step) ?? SourceJudge.ByType(local.Type, step)) is { } named)
        {
            return named;
        }

        if (!_active.Add(symbol))
        {
            return null;
        }

        try
        {
            if (Definitions().TryGetValue(symbol, out List<IOperation>? values))
            {
                foreach (IOperation value in values)
                {
                    if (Trace(value, depth + 1) is { } found)
                    {
                        return found.Then(step);
                    }
                }
            }

            return null;
        }
        finally
        {
            _active.Remove(symbol);
        }
    }

    private static IOperation? StateArgument(IOperation reference, IParameterSymbol parameter)
    {
        for (IOperation? node = reference.Parent; node is not null; node = node.Parent)
        {
            if (node is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, parameter.ContainingSymbol))
            {
                if (function.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } })
                {
                    foreach (IArgumentOperation argument in call.Arguments)
                    {
                        if (argument.Parameter?.Name == "state")
                        {
                            return argument.Value;
                        }
                    }
                }

                return null;
            }
        }

        return null;
    }

    private Dictionary<ISymbol, List<IOperation>> Definitions()
    {
        if (_definitions is not null)
        {
            return _definitions;
        }

        var definitions = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        foreach (IOperation block in _blocks)
        {
            foreach (IOperation operation in block.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                        Add(definitions, declarator.Symbol, initializer.Value);
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                        Add(definitions, local.Local, assignment.Value);
                        break;
                    case IAssignmentOperation { Target: IParameterReferenceOperation parameter } assignment:
                        Add(definitions, parameter.Parameter, assignment.Value);
                        break;
                    case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable } loop:
                        Add(definitions, variable.Symbol, loop.Collection);
                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern:
                        AddPatternInput(definitions, declared, pattern);
                        break;
                    case IRecursivePatternOperation { DeclaredSymbol: { } declared } pattern:
                        AddPatternInput(definitions, declared, pattern);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument when OutLocal(argument.Value) is { } written:
                        Add(definitions, written, argument);
                        break;
                    case ILocalFunctionOperation function:
                        foreach (IOperation returned in function.DescendantsAndSelf())
                        {
                            if (returned is IReturnOperation { ReturnedValue: { } value })
                            {
                                Add(definitions, function.Symbol, value);
                            }
                        }

                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        AddDeconstruction(definitions, deconstruction.Target, deconstruction.Value);
                        break;
                }
            }
        }

        return _definitions = definitions;
    }

    private static ILocalSymbol? OutLocal(IOperation value) => value switch
    {
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local } => local.Local,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };

    // var (a, b) = (x, y): a from x, b from y, element by element.
    private static void AddDeconstruction(Dictionary<ISymbol, List<IOperation>> definitions, IOperation target, IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        if (target is not ITupleOperation targets || value is not ITupleOperation values || targets.Elements.Length != values.Elements.Length)
        {
            return;
        }

        for (int i = 0; i < targets.Elements.Length; i++)
        {
            if (OutLocal(targets.Elements[i]) is { } local)
            {
                Add(definitions, local, values.Elements[i]);
            }
            else
            {
                AddDeconstruction(definitions, targets.Elements[i], values.Elements[i]);
            }
        }
    }

    private static void AddPatternInput(Dictionary<ISymbol, List<IOperation>> definitions, ISymbol declared, IOperation pattern)
    {
        switch (pattern.Parent)
        {
            case IIsPatternOperation isPattern:
                Add(definitions, declared, isPattern.Value);
                break;
            case ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation @switch }:
                Add(definitions, declared, @switch.Value);
                break;
        }
    }

    private static void Add(Dictionary<ISymbol, List<IOperation>> definitions, ISymbol symbol, IOperation value)
    {
        if (!definitions.TryGetValue(symbol, out List<IOperation>? values))
        {
            definitions[symbol] = values = new List<IOperation>();
        }

        values.Add(value);
    }

    private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
    {
        for (IOperation? node = instance.Parent; node is not null; node = node.Parent)
        {
            if (node is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private static string? ReceiverName(IOperation? instance) => instance switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IInvocationOperation invocation => invocation.TargetMethod.Name,
        IConditionalAccessInstanceOperation conditional => ReceiverName(ConditionalReceiver(conditional)),
        IConversionOperation conversion => ReceiverName(conversion.Operand),
        _ => null,
    };

    /// <summary>The source as written, on one line and short enough for a message.</summary>
    public static string Display(IOperation operation)
    {
        string text = string.Join(" ", operation.Syntax.ToString().Split(new[] { ' ', '\r', '\n', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
        return "'" + (text.Length > 60 ? text.Substring(0, 57) + "..." : text) + "'";
    }
}
