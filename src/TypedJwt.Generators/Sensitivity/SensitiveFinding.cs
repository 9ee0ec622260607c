namespace TypedJwt.Generators.Sensitivity;

/// <summary>Why a claim is sensitive: its category, the reason, and for a nested claim set the path to the claim inside it.</summary>
internal sealed class SensitiveFinding
{
    public SensitiveFinding(SensitiveCategory category, string reason, string? nestedPath = null)
    {
        Category = category;
        Reason = reason;
        NestedPath = nestedPath;
    }

    public SensitiveCategory Category { get; }

    /// <summary>"looks like a secret (password)", "is marked [Sensitive]": said of the innermost claim.</summary>
    public string Reason { get; }

    /// <summary>For a claim set member, the claim inside it that is sensitive (<c>home.street</c>); otherwise null.</summary>
    public string? NestedPath { get; }

    /// <summary>The fragment the message shows after "Claim 'x' ".</summary>
    public string Describe() => NestedPath is null ? Reason : $"carries '{NestedPath}', which {Reason}";

    public SensitiveFinding Inside(string claimName)
        => new(Category, Reason, NestedPath is null ? claimName : claimName + "." + NestedPath);
}
