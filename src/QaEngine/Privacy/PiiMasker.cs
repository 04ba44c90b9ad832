using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace GovAssistant.QaEngine.Privacy;

/// <summary>
/// Masks personal data in a citizen's text before it is written to logs, the question log or analytics:
/// 身份证号 <c>110101********1234</c>, mobiles <c>138****5678</c>, landlines, bank cards, 统一社会信用代码, e-mail
/// addresses and licence plates. Numbers are only masked when their check character, date or number plan holds,
/// so amounts, dates, 工作日 counts and look-alike numbers stay readable. Full-width digits and letters are
/// recognised; the rest of the text is kept as it was.
/// </summary>
public static partial class PiiMasker
{
    /// <summary>The text with every recognised identifier masked; null and empty stay as they are.</summary>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var matches = Find(text);
        if (matches.Count == 0) return text;
        var output = new StringBuilder(text.Length);
        var at = 0;
        foreach (var m in matches)
        {
            output.Append(text, at, m.Index - at).Append(m.Masked);
            at = m.Index + m.Length;
        }
        return output.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>
    /// The text with every recognised identifier replaced by a space: what the engine matches on, since a phone or
    /// ID number never says what the citizen asks, and its digits would only pull the question away from its topic.
    /// </summary>
    public static string Strip(string text)
    {
        var matches = Find(text);
        if (matches.Count == 0) return text;
        var output = new StringBuilder(text.Length);
        var at = 0;
        foreach (var m in matches)
        {
            output.Append(text, at, m.Index - at).Append(' ');
            at = m.Index + m.Length;
        }
        return output.Append(text, at, text.Length - at).ToString();
    }

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Every identifier in <paramref name="text"/>, in text order, never overlapping.</summary>
    public static IReadOnlyList<PiiMatch> Find(string text)
    {
        // One character for one: indexes in the folded text are indexes in the original.
        var folded = Fold(text);
        // Every pattern below needs an ASCII letter or digit; most questions have none (after folding full-width ones).
        if (!folded.AsSpan().ContainsAny(AsciiLettersAndDigits)) return [];
        var found = new List<PiiMatch>();
        Collect(found, EmailPattern(), folded, m => (PiiKind.Email, MaskEmail(m.Value)));
        Collect(found, EighteenPattern(), folded, m =>
            PiiChecks.IsIdCardNumber(m.Value) ? (PiiKind.IdCard, Keep(m.Value, 6, 4))
            : PiiChecks.IsCreditCode(m.Value) ? (PiiKind.CreditCode, Keep(m.Value.ToUpperInvariant(), 6, 4))
            : null);
        Collect(found, FifteenPattern(), folded, m => PiiChecks.IsIdCardNumber(m.Value) ? (PiiKind.IdCard, Keep(m.Value, 6, 4)) : null);
        Collect(found, CardPattern(), folded, m =>
            PiiChecks.IsBankCardNumber(DigitsOf(m.Value)) ? (PiiKind.BankCard, KeepDigits(m.Value, 6, 4)) : null);
        Collect(found, MobilePattern(), folded, m => (PiiKind.Mobile,
            folded[m.Index..m.Groups["mid"].Index] + "****" + folded[(m.Groups["mid"].Index + 4)..(m.Index + m.Length)]));
        Collect(found, LandlinePattern(), folded, m => (PiiKind.Landline,
            folded[m.Index..m.Groups["number"].Index] + new string('*', m.Groups["number"].Length)
            + folded[(m.Groups["number"].Index + m.Groups["number"].Length)..(m.Index + m.Length)]));
        Collect(found, PlatePattern(), folded, m => IsPlate(m.Groups["tail"].Value.ToUpperInvariant())
            ? (PiiKind.LicencePlate, folded[m.Index..m.Groups["tail"].Index] + new string('*', m.Groups["tail"].Length - 2) + m.Groups["tail"].Value[^2..])
            : null);
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    private static void Collect(List<PiiMatch> found, Regex pattern, string folded, Func<Match, (PiiKind Kind, string Masked)?> check)
    {
        foreach (Match m in pattern.Matches(folded))
        {
            if (found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length)) continue;
            if (check(m) is { } hit) found.Add(new PiiMatch(hit.Kind, m.Index, m.Length, hit.Masked));
        }
    }

    /// <summary>Full-width ASCII (U+FF01–FF5E) and the ideographic space become their ASCII forms, one for one.</summary>
    private static string Fold(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;
        }
    });

    private static string Keep(string s, int head, int tail) => s[..head] + new string('*', s.Length - head - tail) + s[^tail..];

    /// <summary>Masks the digits between the first <paramref name="head"/> and last <paramref name="tail"/>, keeping separators.</summary>
    private static string KeepDigits(string s, int head, int tail)
    {
        var total = s.Count(char.IsAsciiDigit);
        var seen = 0;
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiDigit(chars[i])) continue;
            if (seen >= head && seen < total - tail) chars[i] = '*';
            seen++;
        }
        return new string(chars);
    }

    private static string DigitsOf(string s) => new([.. s.Where(char.IsAsciiDigit)]);

    private static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        return email[0] + "***" + email[at..];
    }

    /// <summary>A plate's serial: five characters with at least three digits, or a new-energy serial of six with D/F first or last.</summary>
    private static bool IsPlate(string tail) => tail.Length switch
    {
        5 => tail.Count(char.IsAsciiDigit) >= 3,
        6 => (tail[0] is 'D' or 'F' && tail[1..].Count(char.IsAsciiDigit) >= 4) || (tail[5] is 'D' or 'F' && tail[..5].All(char.IsAsciiDigit)),
        _ => false,
    };

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")]
    private static partial Regex EighteenPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{15}(?![0-9A-Za-z])")]
    private static partial Regex FifteenPattern();

    // Plain 16–19 digits, groups of four (6222 0212 3456 7890 128), or 6 + rest as some banks print them.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[0-9]{16,19}|[0-9]{4}(?:[ \-][0-9]{4}){3}(?:[ \-]?[0-9]{1,3})?|[0-9]{6}[ \-][0-9]{10,13})(?![0-9A-Za-z])")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:(?:\+|00)?86[ \-]?)?1[3-9][0-9][ \-]?(?<mid>[0-9]{4})[ \-]?[0-9]{4}(?![0-9A-Za-z])")]
    private static partial Regex MobilePattern();

    // Area code 010, 02x or 0xxx (optionally in brackets), then a 7–8 digit local number not starting with 0 or 1.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\(?0(?:10|2[0-9]|[3-9][0-9]{2})\)?[ \-]?(?<number>[2-9][0-9]{2,3})[ \-]?(?<tail>[0-9]{4})(?<ext>(?:[ \-]?(?:转|ext\.?|-)[0-9]{1,6})?)(?![0-9A-Za-z])")]
    private static partial Regex LandlinePattern();

    [GeneratedRegex(@"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z][·• ]?(?<tail>[A-HJ-NP-Za-hj-np-z0-9]{5,6})(?![0-9A-Za-z])")]
    private static partial Regex PlatePattern();
}
