namespace GovAssistant.QaEngine.Privacy;

/// <summary>
/// The check-character rules that tell a real identifier from a number that merely looks like one. All take ASCII
/// text (full-width characters are folded before they get here).
/// </summary>
public static class PiiChecks
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";
    private const string CreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB/T 2260 province-level codes: the first two digits of every resident ID.
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
    ];

    /// <summary>
    /// An 18-character resident ID (GB 11643): a known province code, a real birth date (1900–2099) and the ISO 7064
    /// MOD 11-2 check character (0–9 or X, either case); or the 15-digit legacy form with a real 19yy birth date.
    /// </summary>
    public static bool IsIdCardNumber(string s)
    {
        if (s.Length == 15)
            return s.All(char.IsAsciiDigit) && HasProvince(s) && IsDate(1900 + Number(s, 6, 2), Number(s, 8, 2), Number(s, 10, 2));
        if (s.Length != 18 || !s[..17].All(char.IsAsciiDigit)) return false;
        if (!HasProvince(s) || !IsDate(Number(s, 6, 4), Number(s, 10, 2), Number(s, 12, 2))) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (s[i] - '0') * IdWeights[i];
        return char.ToUpperInvariant(s[17]) == IdCheckChars[sum % 11];
    }

    /// <summary>
    /// A bank card number: 16–19 digits, not starting with 0, that either pass the Luhn (mod 10) check or start with a
    /// card network's prefix (3 JCB/Amex, 4 Visa, 5 Mastercard, 6 UnionPay 62/Discover). A card number with a typo
    /// fails Luhn but is still somebody's card, so the prefix alone is enough to mask it.
    /// </summary>
    public static bool IsBankCardNumber(string digits)
    {
        if (digits.Length is < 16 or > 19 || !digits.All(char.IsAsciiDigit) || digits[0] == '0') return false;
        return HasCardPrefix(digits) || PassesLuhn(digits);
    }

    /// <summary>Starts with a payment network's first digit (3, 4, 5 or 6; 62 is China UnionPay).</summary>
    public static bool HasCardPrefix(string digits) => digits.Length > 0 && digits[0] is >= '3' and <= '6';

    /// <summary>The Luhn (mod 10) check over an all-digit string.</summary>
    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>
    /// A 统一社会信用代码 (GB 32100-2015): registration authority and type codes, a six-digit region code, and the
    /// mod-31 check character over the alphabet without I, O, S, V and Z.
    /// </summary>
    public static bool IsCreditCode(string s)
    {
        if (s.Length != 18) return false;
        var upper = s.ToUpperInvariant();
        if (!"123456789ABCDEFGY".Contains(upper[0]) || !"123459".Contains(upper[1]) || !upper[2..8].All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = CreditCodeChars.IndexOf(upper[i]);
            if (value < 0) return false;
            sum += value * CreditCodeWeights[i];
        }
        var check = 31 - sum % 31;
        return upper[17] == CreditCodeChars[check == 31 ? 0 : check];
    }

    private static bool HasProvince(string s) => Provinces.Contains(Number(s, 0, 2));

    private static int Number(string s, int start, int length) => int.Parse(s.AsSpan(start, length), System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1900 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
