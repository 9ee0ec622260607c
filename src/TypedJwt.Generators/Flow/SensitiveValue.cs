using System.Collections.Generic;
using TypedJwt.Generators.Sensitivity;

namespace TypedJwt.Generators.Flow;

/// <summary>
/// A value the flow walker found sensitive: what it is (category, and why), whether guessing recovers it from a hash
/// (<see cref="LowEntropy"/>), whether it reached the sink through an unkeyed hash, and the steps it took, source first.
/// Immutable: each step makes a new one, so one source can reach two sinks by two paths.
/// </summary>
internal sealed class SensitiveValue
{
    private readonly string[] _steps;

    public SensitiveValue(SensitiveCategory category, string source, string reason, bool lowEntropy, string? label = null)
        : this(category, reason, lowEntropy, hashed: false, new[] { source }, label)
    {
    }

    private SensitiveValue(SensitiveCategory category, string reason, bool lowEntropy, bool hashed, string[] steps, string? label)
    {
        Category = category;
        Label = label;
        Reason = reason;
        LowEntropy = lowEntropy;
        Hashed = hashed;
        _steps = steps;
    }

    public SensitiveCategory Category { get; }

    /// <summary>The vocabulary label the source's name matched ("password", "email address"), or null for a mark or a type.</summary>
    public string? Label { get; }

    /// <summary>"'PasswordHash' looks like a secret (password)", "'Email' is marked [ProtectedPersonalData]".</summary>
    public string Reason { get; }

    /// <summary>A password, a PIN, a card number, any personal datum: few enough candidates that a hash is reversed by trying them.</summary>
    public bool LowEntropy { get; }

    /// <summary>The value went through an unkeyed hash on the way (only a low-entropy value survives one).</summary>
    public bool Hashed { get; }

    public IReadOnlyList<string> Steps => _steps;

    public SensitiveValue Then(string step)
    {
        if (_steps[_steps.Length - 1] == step)
        {
            return this;
        }

        var steps = new string[_steps.Length + 1];
        _steps.CopyTo(steps, 0);
        steps[_steps.Length] = step;
        return new SensitiveValue(Category, Reason, LowEntropy, Hashed, steps, Label);
    }

    public SensitiveValue ThroughHash(string step) => new SensitiveValue(Category, Reason, LowEntropy, hashed: true, _steps, Label).Then(step);

    /// <summary>The message's path: <c>'user.PasswordHash' → local 'x' → claim 'Nickname'</c>.</summary>
    public string Path(string sink) => string.Join(" \u2192 ", _steps) + " \u2192 " + sink;

    /// <summary>The message's reason, with what a hash does not change for a low-entropy value.</summary>
    public string Describe() => Hashed
        ? Reason + "; an unkeyed hash of it is reversed by trying the few values it can have"
        : Reason;
}
