using System.Text;

namespace GovAssistant.QaEngine.Text;

/// <summary>
/// Rewrites Chinese numerals as Arabic digits where they are quantities, so that "十八周岁" matches "18周岁"
/// and "二〇二四年" matches "2024年". Idioms and fixed words stay as they are: a lone numeral is only a number
/// before a measure word ("三个月" → "3个月", but "一网通办", "三证合一" unchanged), and runs that start
/// with a bare unit ("万一", "千万") are words, not numbers.
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零〇一二两三四五六七八九";
    private const string Units = "十百千万亿";

    // Measure words after which a single numeral character is a count, not part of a word.
    private static readonly string[] MeasureWords =
    [
        "周岁", "岁", "年", "个", "月", "天", "日", "周", "元", "块", "小时", "分钟", "次", "级", "孩", "胎",
        "人", "名", "套", "本", "张", "项", "份", "倍", "万", "星期", "工作日", "季度",
    ];

    /// <summary>Returns <paramref name="text"/> with numeral runs that denote quantities replaced by digits.</summary>
    public static string ToArabic(string text)
    {
        if (text.AsSpan().IndexOfAny(Digits + Units) < 0) return text;
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsNumeral(text[i])) { sb.Append(text[i++]); continue; }
            var start = i;
            while (i < text.Length && IsNumeral(text[i])) i++;
            var run = text.AsSpan(start, i - start);
            if (IsQuantity(text.AsSpan(0, start), run, text.AsSpan(i)) && TryParse(run, out var value)) sb.Append(value);
            else sb.Append(run);
        }
        return sb.ToString();
    }

    private static bool IsNumeral(char c) => Digits.Contains(c) || Units.Contains(c);

    private static bool IsQuantity(ReadOnlySpan<char> before, ReadOnlySpan<char> run, ReadOnlySpan<char> rest)
    {
        // A run opening with a bare unit other than 十 is a word: 万一, 千万, 百万雄师.
        if (run[0] is '百' or '千' or '万' or '亿') return false;
        // 几十万, 几百块: "some", no number to write (几100000).
        if (before.Length > 0 && before[^1] == '几') return false;
        if (run.Length == 1 || run is "一一") return StartsWithMeasureWord(rest);
        return true;
    }

    private static bool StartsWithMeasureWord(ReadOnlySpan<char> rest)
    {
        foreach (var m in MeasureWords) if (rest.StartsWith(m, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool TryParse(ReadOnlySpan<char> run, out long value)
    {
        value = 0;
        if (run.IndexOfAny(Units) < 0)
        {
            // Digit by digit, as in years and numbers read out: 二〇二四 → 2024.
            foreach (var c in run) value = value * 10 + DigitValue(c);
            return true;
        }
        long section = 0, number = 0;
        foreach (var c in run)
        {
            var d = DigitValue(c);
            if (d >= 0) { number = d; continue; }
            switch (c)
            {
                case '十': section += (number == 0 ? 1 : number) * 10; break;
                case '百': section += number * 100; break;
                case '千': section += number * 1000; break;
                case '万': value += (section + number) * 10_000; section = 0; break;
                case '亿': value = (value + section + number) * 100_000_000; section = 0; break;
            }
            if (c is not ('零' or '〇')) number = 0;
        }
        // 一万五, 三千五, 一百二: a digit right after 百, 千, 万 or 亿 is the next place down (15000, not 10005); after 零 it is
        // itself (一万零五).
        if (number > 0 && run.Length >= 2 && run[^2] is '百' or '千' or '万' or '亿')
            number *= run[^2] switch { '百' => 10, '千' => 100, '万' => 1_000, _ => 10_000_000 };
        value += section + number;
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
