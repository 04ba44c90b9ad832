using System.Text;
using System.Text.RegularExpressions;
using GovAssistant.QaEngine.Text;

namespace GovAssistant.QaEngine.Consistency;

/// <summary>The kinds of fact two answers to the same question must agree on.</summary>
public enum FactKind
{
    /// <summary>Fees and amounts (元), or "free".</summary>
    Fee,

    /// <summary>Time limits (工作日, 日, 个月 …).</summary>
    TimeLimit,

    /// <summary>Telephone numbers and hotlines.</summary>
    Phone,

    /// <summary>Street addresses.</summary>
    Address,

    /// <summary>Offices and service windows.</summary>
    Office,

    /// <summary>The list of materials to bring.</summary>
    Materials,
}

/// <summary>
/// The checkable facts of one answer, normalised so that equal facts compare equal: "二十元" and "20 元" are both
/// <c>20元</c>, "十五个工作日" is <c>15工作日</c>, "0571-12345678" and "057112345678" are the same phone.
/// </summary>
public sealed partial class AnswerFacts
{
    private readonly Dictionary<FactKind, SortedSet<string>> _facts = [];

    /// <summary>The facts of one kind (empty when the answer states none).</summary>
    public IReadOnlySet<string> Of(FactKind kind) => _facts.TryGetValue(kind, out var set) ? set : (IReadOnlySet<string>)new SortedSet<string>();

    /// <summary>Reads the facts of <paramref name="answer"/> (Markdown).</summary>
    public static AnswerFacts Extract(string answer)
    {
        var facts = new AnswerFacts();
        var text = Prepare(answer);

        foreach (Match m in Money().Matches(text))
        {
            var value = decimal.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (m.Groups["u"].Value == "万元") value *= 10_000;
            facts.Add(FactKind.Fee, value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "元");
        }
        if (Free().IsMatch(text)) facts.Add(FactKind.Fee, "免费");
        foreach (Match m in Duration().Matches(text))
        {
            var unit = m.Groups["u"].Value switch { "天" or "自然日" => "日", "个月" => "月", "个工作日" => "工作日", var u => u };
            if (unit == "年" && int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) > 100) continue; // a year, not a term
            facts.Add(FactKind.TimeLimit, m.Groups["n"].Value + unit);
        }
        // Amounts and durations are read; mask them so their digits are not taken for phone numbers.
        var masked = Duration().Replace(Money().Replace(text, " "), " ");
        foreach (Match m in PhoneNumber().Matches(masked)) facts.Add(FactKind.Phone, m.Value.Replace("-", "", StringComparison.Ordinal));
        foreach (Match m in StreetAddress().Matches(text)) facts.Add(FactKind.Address, m.Value);
        foreach (Match m in OfficeName().Matches(text)) facts.Add(FactKind.Office, m.Groups["o"].Value);
        foreach (var item in MaterialItems(text)) facts.Add(FactKind.Materials, item);
        return facts;
    }

    private void Add(FactKind kind, string value)
    {
        if (!_facts.TryGetValue(kind, out var set)) _facts[kind] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(value);
    }

    // Full-width to half-width, Chinese numerals to digits, Markdown emphasis dropped.
    private static string Prepare(string answer)
    {
        var sb = new StringBuilder(answer.Length);
        foreach (var c in answer)
            sb.Append(c is >= '\uFF01' and <= '\uFF5E' && c is not ('（' or '）' or '：' or '；' or '，') ? (char)(c - 0xFEE0) : c);
        return ChineseNumerals.ToArabic(sb.ToString().Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal));
    }

    // The items after "材料" up to the end of that paragraph (or the next heading line).
    private static IEnumerable<string> MaterialItems(string text)
    {
        var at = text.IndexOf("材料", StringComparison.Ordinal);
        if (at < 0) return [];
        var rest = text[(at + 2)..];
        var colon = rest.IndexOfAny(['：', ':']);
        if (colon < 0 || colon > 8) return [];
        rest = rest[(colon + 1)..];
        var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
        if (end >= 0) rest = rest[..end];
        var nextHeading = NextHeading().Match(rest);
        if (nextHeading.Success && nextHeading.Index > 0) rest = rest[..nextHeading.Index];
        return MaterialSeparator().Split(rest)
            .Select(s => ListMarker().Replace(s, "").Trim(' ', '。', '《', '》', '“', '”').Replace("《", "").Replace("》", ""))
            .Select(s => s.EndsWith('等') ? s[..^1] : s)
            .Where(s => s.Length is >= 2 and <= 30);
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<u>万元|元)")]
    private static partial Regex Money();

    [GeneratedRegex(@"免费|不收费|不收取任何费用|无需缴费|无需缴纳.{0,4}费")]
    private static partial Regex Free();

    [GeneratedRegex(@"(?<![月\d.])(?<n>\d+)\s*(?<u>个工作日|工作日|自然日|个月|天|日|年)(?!\d)")]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<![\d.])(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|1\d{4}|400-?\d{3}-?\d{4})(?![\d.])")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]{2,24}?(?:路|街|大道|巷)\d+号")]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"(?<o>[\p{IsCJKUnifiedIdeographs}]{2,16}?(?:政务服务中心|便民服务中心|服务中心|办事处|派出所|服务大厅|办证大厅|分局|车管所|管理所|窗口))")]
    private static partial Regex OfficeName();

    [GeneratedRegex(@"[、，,；;\n]")]
    private static partial Regex MaterialSeparator();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.、)]|[（(]\d+[）)])\s*")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"\n\s*[^\n]{1,12}[：:]")]
    private static partial Regex NextHeading();
}
