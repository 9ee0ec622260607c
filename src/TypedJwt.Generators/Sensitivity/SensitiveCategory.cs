namespace TypedJwt.Generators.Sensitivity;

/// <summary>What a sensitive claim is: the two categories map to TJ0001 and TJ0002.</summary>
internal enum SensitiveCategory
{
    /// <summary>A secret or credential (TJ0001): whoever reads it can act as the user or the service.</summary>
    Secret,

    /// <summary>Personal data (TJ0002): whoever reads it learns something about a person they should not.</summary>
    PersonalData,
}
