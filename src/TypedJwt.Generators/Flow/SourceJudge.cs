using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedJwt.Generators.Model;
using TypedJwt.Generators.Sensitivity;
using TypedJwt.Generators.Symbols;

namespace TypedJwt.Generators.Flow;

/// <summary>
/// Decides whether a member, parameter, local or method is a source of sensitive values, with TJ0001/TJ0002's own vocabulary
/// and hard negatives (<see cref="Vocabulary"/>, <see cref="ValueShapes"/>, <see cref="AboutWords"/>) and explicit marks
/// (<see cref="ExplicitMark"/>), judged on the source's own type. A member whose name says nothing alone is also judged
/// with the name of what it is read from: <c>card.Number</c> is a card number, <c>CreditCard.Brand</c> is not.
/// </summary>
internal sealed class SourceJudge
{
    private const string SecureStringName = "System.Security.SecureString";

    // Few enough candidates that hashing does not hide them: guess, hash, compare. Labels as SecretWords spells them.
    private static readonly HashSet<string> LowEntropySecrets = new(System.StringComparer.Ordinal)
    {
        "password", "passphrase", "passcode", "pin", "one-time password", "security answer", "cvv", "cvc",
        "card verification code", "card verification value", "card security code", "card number", "credit card",
        "debit card", "iban", "bank account", "account number", "routing number", "sort code",
    };

    /// <summary>
    /// The words TJ0019 adds to TJ0002's: an email address. TJ0002 leaves it out because a claim named <c>email</c> is meant
    /// to carry one (OpenID Connect's standard claim); a flow shows an email going into a claim that does not say so
    /// (<c>Subject = request.Email</c>). A claim whose name says email accepts it (<see cref="SaysSo"/>).
    /// </summary>
    public const string FlowPersonalWords = "email=email address,email address,e mail=email address,mail address=email address";

    private const string EmailLabel = "email address";

    private readonly KnownTypeSymbols _symbols;
    private readonly Vocabulary _vocabulary;
    private readonly FlowOptions _options;

    public SourceJudge(KnownTypeSymbols symbols, Vocabulary vocabulary, FlowOptions options)
    {
        _symbols = symbols;
        _vocabulary = vocabulary;
        _options = options;
    }

    /// <summary>
    /// The value <paramref name="symbol"/> gives, of type <paramref name="type"/>, if it is sensitive. <paramref name="display"/>
    /// is the first step of the path; <paramref name="receiverName"/> and <paramref name="receiverType"/> name what a member is read from.
    /// </summary>
    public SensitiveValue? Judge(ISymbol? symbol, ITypeSymbol? type, string display, string? receiverName = null, ITypeSymbol? receiverType = null)
    {
        if (symbol is null || _options.IsSafe(symbol))
        {
            return null;
        }

        ClaimKind kind = FlowShape.Of(type);
        ExplicitMark mark = ExplicitMark.Of(symbol.GetAttributes().ToList(), _symbols);
        switch (mark.Kind)
        {
            case ExplicitMarkKind.NotSensitive:
                return null;
            case ExplicitMarkKind.Sensitive:
                VocabularyEntry? named = _vocabulary.Match(WordSplitter.Split(symbol.Name), static _ => true);
                SensitiveCategory category = named?.Category ?? SensitiveCategory.Secret;
                return new SensitiveValue(category, display, $"'{symbol.Name}' is marked [Sensitive]", named is not null && IsLowEntropy(named), named?.Label);
            case ExplicitMarkKind.Classified when kind != ClaimKind.Boolean && !IsIdentityKey(symbol, mark):
                // The name still says what it is, for a claim that says so (Email = user.Email).
                VocabularyEntry? classified = _vocabulary.Match(WordSplitter.Split(symbol.Name), static _ => true);
                return new SensitiveValue(SensitiveCategory.PersonalData, display, $"'{symbol.Name}' is marked [{mark.AttributeName}]", lowEntropy: true, classified?.Label);
        }

        if (type is not null && type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString() == SecureStringName)
        {
            return new SensitiveValue(SensitiveCategory.Secret, display, $"'{symbol.Name}' is a SecureString", lowEntropy: true);
        }

        List<string> words = WordSplitter.Split(symbol.Name);
        VocabularyEntry? entry = _vocabulary.Match(words, c => ValueShapes.CanHold(c, kind))
            ?? WithReceiver(receiverName, words, kind)
            ?? WithReceiver(receiverType?.Name, words, kind);
        if (entry is null)
        {
            return null;
        }

        string what = entry.Category == SensitiveCategory.Secret ? "a secret" : "personal data";
        return new SensitiveValue(entry.Category, display, $"'{symbol.Name}' looks like {what} ({entry.Label})", IsLowEntropy(entry), entry.Label);
    }

    /// <summary>The value of a type that is sensitive whatever it is called.</summary>
    public static SensitiveValue? ByType(ITypeSymbol? type, string display)
        => type is not null && type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString() == SecureStringName
            ? new SensitiveValue(SensitiveCategory.Secret, display, $"{display} is a SecureString", lowEntropy: true)
            : null;

    // The shortest tail of the receiver's name that, with the member's name, makes a phrase reaching into the member's words:
    // card + Number, CreditCard + Number ("card number"); never CreditCard + Brand, where the phrase is the receiver alone.
    private VocabularyEntry? WithReceiver(string? receiverName, List<string> memberWords, ClaimKind kind)
    {
        if (receiverName is null || memberWords.Count == 0)
        {
            return null;
        }

        List<string> receiverWords = WordSplitter.Split(receiverName);
        for (int start = receiverWords.Count - 1; start >= 0; start--)
        {
            int receiverPart = receiverWords.Count - start;
            var words = new List<string>(receiverWords.Skip(start));
            words.AddRange(memberWords);
            VocabularyEntry? entry = _vocabulary.Match(words, c => ValueShapes.CanHold(c, kind));
            if (entry is not null && entry.Words.Length > receiverPart && entry.Words[0] == words[0])
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>True when the claim's own name already says it holds this kind of value (an email claim holding an email).</summary>
    public static bool SaysSo(SensitiveValue value, string memberName, string claimName)
        => value.Label == EmailLabel && (Mentions(memberName, "email", "mail") || Mentions(claimName, "email", "mail"));

    private static bool Mentions(string name, string word, string other)
    {
        foreach (string part in WordSplitter.Split(name))
        {
            if (part == word || part == other)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLowEntropy(VocabularyEntry entry)
        => entry.Category == SensitiveCategory.PersonalData || LowEntropySecrets.Contains(entry.Label);

    // ASP.NET Core Identity marks its users' key [PersonalData] so that the download and delete pages include it; the key is
    // an opaque identifier, which is what sub is for. Only the Identity attribute, only on an "...Id" member.
    private static bool IsIdentityKey(ISymbol symbol, ExplicitMark mark)
    {
        List<string> words = WordSplitter.Split(symbol.Name);
        return mark.AttributeName == "PersonalData" && words.Count > 0 && words[words.Count - 1] == "id";
    }
}
