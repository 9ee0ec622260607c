using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TypedJwt.Generators.Security;

/// <summary>Evaluates a <c>TimeSpan</c> written with constants: <c>TimeSpan.FromMinutes(10)</c>, <c>new TimeSpan(0, 10, 0)</c>, <c>TimeSpan.Zero</c>.</summary>
internal static class TimeSpanConstant
{
    public static bool TryEvaluate(IOperation value, out TimeSpan result)
    {
        result = default;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        switch (value)
        {
            case IInvocationOperation invocation
                when IsTimeSpan(invocation.TargetMethod.ContainingType) && TryNumbers(invocation, out double[] numbers) && numbers.Length >= 1 && AllZeroAfterFirst(numbers):
                // The .NET 9 overloads (FromMinutes(minutes, seconds, ...)) are evaluated only when the extra parts are zero.
                return TryScale(invocation.TargetMethod.Name, numbers[0], out result);
            case IObjectCreationOperation creation when creation.Type is { } type && IsTimeSpan(type) && TryNumbers(creation, out double[] parts):
                return TryConstruct(parts, out result);
            case IFieldReferenceOperation { Field.Name: "Zero" } field when IsTimeSpan(field.Field.ContainingType):
                result = TimeSpan.Zero;
                return true;
            default:
                return false;
        }
    }

    private static bool AllZeroAfterFirst(double[] numbers)
    {
        for (int i = 1; i < numbers.Length; i++)
        {
            if (numbers[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTimeSpan(ITypeSymbol type) => type.ToDisplayString() == "System.TimeSpan";

    private static bool TryNumbers(IOperation call, out double[] numbers)
    {
        var arguments = call is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)call).Arguments;
        numbers = new double[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            object? constant = arguments[i].Value.ConstantValue.Value;
            if (!arguments[i].Value.ConstantValue.HasValue || constant is null || constant is bool || constant is string)
            {
                return false;
            }

            numbers[i] = Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static bool TryScale(string method, double amount, out TimeSpan result)
    {
        double scale = method switch
        {
            "FromMilliseconds" => 0.001,
            "FromSeconds" => 1,
            "FromMinutes" => 60,
            "FromHours" => 3600,
            "FromDays" => 86400,
            _ => 0,
        };
        double seconds = amount * scale;
        bool ok = scale != 0 && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds;
        result = ok ? TimeSpan.FromSeconds(seconds) : default;
        return ok;
    }

    private static bool TryConstruct(double[] parts, out TimeSpan result)
    {
        result = default;
        switch (parts.Length)
        {
            case 1:
                result = TimeSpan.FromTicks((long)parts[0]);
                return true;
            case 3:
                result = TimeSpan.FromSeconds((parts[0] * 3600) + (parts[1] * 60) + parts[2]);
                return true;
            case 4:
            case 5:
                result = TimeSpan.FromSeconds((parts[0] * 86400) + (parts[1] * 3600) + (parts[2] * 60) + parts[3]);
                return true;
            default:
                return false;
        }
    }
}
