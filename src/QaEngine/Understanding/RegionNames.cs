using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// Recognises place names in normalised text — real ones (西安市, 商州区, 新河镇, from the place-name entries of
/// jieba's dictionary) and the placeholders of anonymised messages (a市, k8县, d12市, 某街道) — so that a region is read as
/// where the citizen is, not as a topic word of the question.
/// </summary>
public sealed partial class RegionNames
{
    private static readonly string[] AdminSuffixes = ["省", "市", "区", "县", "镇", "乡", "村", "州", "旗", "街道", "社区", "办事处"];

    // Places that are themselves the topic (港澳台 services) or that say "not here" (外地, 异地), never a region to set aside.
    private static readonly FrozenSet<string> NotRegions = new[]
    {
        "中国", "全国", "国家", "本地", "外地", "异地", "老家", "城市", "农村", "乡村", "城区", "市区", "县城", "社区", "小区",
        "本市", "外市", "本省", "外省", "全省", "全市", "省内", "省外", "市内", "市外", "跨省", "香港", "澳门", "台湾", "大陆",
        "内地", "国外", "境外", "海外", "当地", "城镇", "城里", "乡下", "街道", "开发区", "园区", "景区", "学区", "辖区", "片区",
        "新区", "郊区", "山区", "牧区", "灾区", "东区", "西区", "南区", "北区", "一区", "城乡", "高新区",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenSet<string> _names;
    private readonly int _longest;

    private RegionNames(FrozenSet<string> names)
    {
        _names = names;
        _longest = names.Count == 0 ? 0 : names.Max(n => n.Length);
    }

    /// <summary>Place names with their administrative unit from jieba's dictionary beside the assembly (empty when the file is missing).</summary>
    public static RegionNames Default => Shared.Value;

    private static readonly Lazy<RegionNames> Shared = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Builds the recogniser over explicit names (tests).</summary>
    public static RegionNames Of(IEnumerable<string> names) => new(names.Where(n => !NotRegions.Contains(n)).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>
    /// Removes every place name from <paramref name="normalized"/>; returns the rest (regions replaced by a space)
    /// and the first region found. A place is taken with the smaller places named right after it (d11市水东江办事处兴竹村,
    /// b9市东富镇) and with a 人 that says where the citizen is from (k市人异地…, 新河镇人…).
    /// </summary>
    public (string Text, string? Region) Remove(string normalized)
    {
        string? first = null;
        var sb = new System.Text.StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length;)
        {
            var match = PlaceholderAt(normalized, i);
            if (match == 0) match = LongestAt(normalized, i);
            if (match == 0)
            {
                sb.Append(normalized[i++]);
                continue;
            }
            first ??= normalized.Substring(i, match);
            var end = i + match;
            for (int more; (more = SmallerPlaceAt(normalized, end)) > 0;) end += more;
            // 粤海街道办事处: the office of the place just named is part of the address, not a topic.
            if (normalized.AsSpan(end).StartsWith("办事处", StringComparison.Ordinal)) end += "办事处".Length;
            if (end < normalized.Length && normalized[end] == '人' && !StartsPersonWord(normalized, end)) end++;
            sb.Append(' ');
            i = end;
        }
        return (sb.ToString(), first);
    }

    private static int PlaceholderAt(string text, int start)
    {
        // Only a letter or 某 can begin one: the regex is not run at every character of every question.
        if (text[start] == '某')
        {
            var some = SomePlace().Match(text, start);
            return some.Success ? some.Length : 0;
        }
        if (text[start] is < 'a' or > 'z' || start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])) return 0;
        var m = Placeholder().Match(text, start);
        return m.Success ? m.Length : 0;
    }

    // Units below a city or county, named right after one: two to four characters and the unit (新河镇, 水东江办事处).
    private static readonly string[] SmallerUnits = ["镇", "乡", "村", "街道", "办事处", "社区"];

    private static int SmallerPlaceAt(string text, int start)
    {
        for (var len = 2; len <= 4 && start + len < text.Length; len++)
        {
            var name = text.AsSpan(start, len);
            if (!IsHanOnly(name)) return 0;
            foreach (var unit in SmallerUnits)
            {
                if (!text.AsSpan(start + len).StartsWith(unit, StringComparison.Ordinal)) continue;
                // 新农村, 美丽乡村, 各乡镇: a kind of place, not a name ("农村" + a character before it).
                var tail = string.Concat(name[^1..], unit.AsSpan(0, 1));
                if (IsKindOfPlace(tail)) return 0;
                // 美丽乡村: the unit begins a word of its own (乡村, 乡镇, 村镇).
                var after = start + len + unit.Length;
                if (after < text.Length && IsKindOfPlace(string.Concat(unit.AsSpan(unit.Length - 1), text.AsSpan(after, 1)))) return 0;
                return len + unit.Length;
            }
        }
        return 0;
    }

    private static bool IsKindOfPlace(string twoChars) => NotRegions.Contains(twoChars) || twoChars is "乡镇" or "村镇" or "镇村";

    private static bool IsHanOnly(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c is < '\u4e00' or > '\u9fff') return false;
        return true;
    }

    // 人 that begins a word after a place (a市人社局, 人民医院, 人口) is not "a person from there".
    private static readonly string PersonWordSeconds = "社民口员力大才事寿身防工家们群均数像脸证行";

    private static bool StartsPersonWord(string text, int at) =>
        at + 1 < text.Length && PersonWordSeconds.Contains(text[at + 1]);

    private int LongestAt(string text, int start)
    {
        for (var len = Math.Min(_longest, text.Length - start); len >= 2; len--)
        {
            var candidate = text.AsSpan(start, len);
            if (!_names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(candidate)) continue;
            // A bare name (西安) followed by an administrative suffix is taken with it (西安市 even if only 西安 is listed).
            var end = start + len;
            foreach (var suffix in AdminSuffixes)
                if (text.AsSpan(end).StartsWith(suffix, StringComparison.Ordinal)) return len + suffix.Length;
            return len;
        }
        return 0;
    }

    // Anonymised places: a letter and up to two digits before an administrative unit (A市, K8县, D12市, M1区).
    [GeneratedRegex(@"\G[a-z]\d{0,2}(省|市|区|县|镇|乡|村|街道)")]
    private static partial Regex Placeholder();

    // A place left unnamed (某街道, 某县, 某社区), but not 某市民, 某区域, 某村委 or 某县级: a person, a kind of area or an office.
    [GeneratedRegex(@"\G某(省|市|区|县|镇|乡|村|街道|社区)(?![民域委级长干])")]
    private static partial Regex SomePlace();

    private static RegionNames LoadDefault()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba", "dict.txt");
        if (!File.Exists(path)) return new RegionNames(FrozenSet<string>.Empty);
        var withSuffix = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.TrimEnd('\r').Split(' ');
            if (parts.Length < 3 || parts[2] != "ns" || parts[0].Length < 2 || !int.TryParse(parts[1], out var freq)) continue;
            var name = parts[0];
            if (AdminSuffixes.Any(s => name.Length > s.Length + 1 && name.EndsWith(s, StringComparison.Ordinal))) withSuffix.Add(name);
        }
        // Bare names (成都, 四川) are left alone: they are also parts of names (四川商务职业学院) and topics of their own
        // (成都有什么好玩的); only a name with its administrative unit (成都市, 商州区) is read as where the citizen is.
        var names = withSuffix;
        return Of(names);
    }
}
