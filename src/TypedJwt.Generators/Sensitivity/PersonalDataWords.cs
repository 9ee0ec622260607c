namespace TypedJwt.Generators.Sensitivity;

/// <summary>
/// Names of personal data (TJ0002), in the same entry format as <see cref="SecretWords"/>. The identity claims every
/// ID token carries (<c>sub</c>, <c>name</c>, <c>email</c>) are deliberately absent; <c>TJ0002.additional_words</c> opts them in.
/// </summary>
internal static class PersonalDataWords
{
    public static readonly string[] Entries =
    {
        // Government identifiers.
        "ssn=social security number", "social security number", "social security", "national id", "nationalid=national id",
        "national identifier=national id", "national identity number=national id", "national insurance number", "nino=national insurance number",
        "tax id", "taxid=tax id", "tax number=tax id", "tax identifier=tax id", "tax identification number=tax id",
        "passport", "passport number", "driver license=driver's licence", "drivers license=driver's licence",
        "driver licence=driver's licence", "drivers licence=driver's licence", "driving licence=driver's licence",
        "driving license=driver's licence",

        // Birth, home and contact.
        "date of birth", "dateofbirth=date of birth", "dob=date of birth", "birth date=date of birth", "birthdate=date of birth",
        "birthday=date of birth", "home address", "street address", "streetaddress=street address", "postal address",
        "mailing address", "residential address", "street=street address",
        "phone=phone number", "phone number", "phonenumber=phone number", "telephone=phone number", "mobile number=phone number",
        "mobile phone=phone number", "msisdn=phone number",

        // Money.
        "salary", "income", "wage", "compensation",

        // Special categories (GDPR Art. 9).
        "medical", "health data", "health record", "health condition", "health insurance number", "diagnosis", "diagnoses=diagnosis",
        "medication", "prescription", "allergy", "allergies=allergy", "disability", "blood type",
        "biometric", "biometrics=biometric", "face template=biometric", "fingerprint template=biometric", "voiceprint=biometric",
        "voice print=biometric", "iris scan=biometric", "retina scan=biometric",
        "ethnicity", "ethnic origin=ethnicity", "racial origin=ethnicity",
        "religion", "religious belief=religion", "religious affiliation=religion",
        "sexual orientation", "sexuality=sexual orientation",
        "maiden name=mother's maiden name", "mothers maiden name=mother's maiden name",
    };
}
