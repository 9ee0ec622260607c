namespace TypedJwt;

/// <summary>A key a token selects by its header's <c>kid</c>: signing keys and encryption keys alike.</summary>
internal interface IKeyWithId
{
    /// <summary>The key id, or null.</summary>
    string? KeyId { get; }
}
