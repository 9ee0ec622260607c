using TypedJwt.Generators.Model;

namespace TypedJwt.Generators.Emit;

/// <summary>
/// The names generated code declares. Every one starts with two underscores, which C# reserves for the implementation
/// (identifiers containing <c>__</c>, ECMA-334 §6.4.3), so a user's member never collides with one. A name made for a claim
/// is <c>__</c> + role + <c>_</c> + the member's name (<c>__Value_Issuer</c>, <c>__Bit_Issuer</c>): member names are distinct
/// within a type and no role contains an underscore, so two such names never coincide, and a name made for a claim follows
/// that claim when claims are added or reordered. The fixed names (<c>__seen</c>, <c>__unknown</c>, <c>__i</c>, <c>__e</c>)
/// have no underscore after the prefix, so they never coincide with a claim's.
/// </summary>
internal static partial class ClaimSetEmitter
{
    /// <summary>The claim's pre-escaped JSON name (a static field).</summary>
    private static string NameField(ClaimSpec claim) => Named("Name", claim);

    /// <summary>The claim's compiled <c>[RegularExpression]</c> (a static field).</summary>
    private static string PatternField(ClaimSpec claim) => Named("Pattern", claim);

    /// <summary>The claim's bit in the mask of claims seen (a constant).</summary>
    private static string Bit(ClaimSpec claim) => Named("Bit", claim);

    /// <summary>The claim's value: the local <c>TryReadJson</c> reads it into, the reading constructor's parameter, and the
    /// pattern variable <c>WriteJson</c> and <c>VisitClaims</c> bind a present optional value to.</summary>
    private static string Value(ClaimSpec claim) => Named("Value", claim);

    /// <summary>The array a collection claim is read into before it becomes the member's collection type.</summary>
    private static string ArrayLocal(ClaimSpec claim) => Named("Array", claim);

    /// <summary>The value read for a <c>Nullable&lt;T&gt;</c> claim before it is assigned (an <c>out</c> argument must be a <c>T</c>).</summary>
    private static string ReadLocal(ClaimSpec claim) => Named("Read", claim);

    /// <summary>The value a constraint check binds, named after the constraint (<c>__Range_Level</c>).</summary>
    private static string ConstraintLocal(ConstraintKind kind, ClaimSpec claim) => Named(kind.ToString(), claim);

    /// <summary>A nested claim set, and the error its own constraints give.</summary>
    private static string NestedLocal(ClaimSpec claim) => Named("Nested", claim);

    private static string NestedErrorLocal(ClaimSpec claim) => Named("Error", claim);

    private static string EnumReadMethod(string key) => "__TryRead_" + key;

    private static string EnumNameMethod(string key) => "__NameOf_" + key;

    private static string Named(string role, ClaimSpec claim) => "__" + role + "_" + claim.MemberName.TrimStart('@');
}
