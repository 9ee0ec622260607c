using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TypedJwt.Generators.Parsing;

/// <summary>
/// Where the parser reports problems. The analyzer passes a list and reports what lands in it; the generator passes none,
/// only learns that the type is invalid, and skips it (the generator itself reports nothing).
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly List<Diagnostic>? _diagnostics;

    public DiagnosticSink(List<Diagnostic>? diagnostics) => _diagnostics = diagnostics;

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] messageArgs)
    {
        HasErrors = true;
        _diagnostics?.Add(Diagnostic.Create(descriptor, location, messageArgs));
    }
}
