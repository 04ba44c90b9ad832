namespace GovAssistant.QaEngine.Privacy;

/// <summary>Kinds of personal data <see cref="PiiMasker"/> recognises.</summary>
public enum PiiKind
{
    /// <summary>居民身份证号 (18 digits with ISO 7064 check character, or the 15-digit legacy form).</summary>
    IdCard,

    /// <summary>Mobile number (1[3-9]x, 11 digits, optionally +86).</summary>
    Mobile,

    /// <summary>Landline with area code (区号-号码).</summary>
    Landline,

    /// <summary>Bank card number (16–19 digits passing the Luhn check or starting with a card network prefix).</summary>
    BankCard,

    /// <summary>统一社会信用代码 (18 characters, GB 32100 check character).</summary>
    CreditCode,

    /// <summary>E-mail address.</summary>
    Email,

    /// <summary>Licence plate (京A12345; 8 characters for new-energy vehicles).</summary>
    LicencePlate,
}

/// <summary>One piece of personal data found in a text.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Index">Start in the original text (UTF-16 units).</param>
/// <param name="Length">Length in the original text.</param>
/// <param name="Masked">What replaces it, e.g. <c>138****5678</c>.</param>
public sealed record PiiMatch(PiiKind Kind, int Index, int Length, string Masked);
