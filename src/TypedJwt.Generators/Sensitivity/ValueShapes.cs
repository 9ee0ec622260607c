using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// Type awareness: whether a claim of a given kind can hold the value its name suggests. A flag, a timestamp, an enum or
/// a floating-point number about a secret (<c>PasswordExpired</c>, <c>HasPin</c>, <c>PasswordLastChanged</c>,
/// <c>PasswordStrength</c>) is not the secret; a PIN or a card number can be a number, a key can be a Guid. Personal data
/// has more shapes (a date of birth is a date, a salary a number, a religion an enum); only a flag is never the datum.
/// </summary>
internal static class ValueShapes
{
    public static bool CanHold(SensitiveCategory category, ClaimKind kind) => category switch
    {
        SensitiveCategory.Secret => kind is ClaimKind.String or ClaimKind.Int32 or ClaimKind.Int64 or ClaimKind.Decimal or ClaimKind.Guid or ClaimKind.ClaimSet,
        _ => kind is not (ClaimKind.Boolean or ClaimKind.Audience or ClaimKind.Scope or ClaimKind.Uri),
    };
}
