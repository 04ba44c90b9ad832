namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// The politeness and framing that real messages wrap around a question — "您好", "请问", "咨询…的问题",
/// "关于…的咨询/事宜", "谢谢", "望予答复" — and the clauses that carry no question at all (greetings, thanks, letter
/// closings). Works on normalised clauses (Simplified, lower case, no punctuation).
/// </summary>
public static class MessageScaffolding
{
    // Longest first where one is a prefix of another; applied repeatedly, so "您好 请问 我想咨询一下" all goes.
    private static readonly string[] Prefixes =
    [
        "尊敬的各位领导", "尊敬的领导", "尊敬的市长", "尊敬的书记", "尊敬的", "各位领导", "领导们", "领导", "市长", "书记",
        "工作人员", "小助手", "您好", "你好", "侬好", "您们好", "你们好", "在吗", "请问一下", "请问下", "请问", "问一下", "问下",
        "我想问一下", "我想问下", "我想问问", "我想问", "想问一下", "想问下", "想问问", "想问", "我要问", "我想了解一下", "我想了解",
        "想了解一下", "想了解", "了解一下", "我想知道", "想知道", "我想搞清楚", "想搞清楚", "我想确认一下", "想确认一下", "我想确认",
        "想确认", "我想咨询一下", "我想咨询下", "我想咨询", "我要咨询", "想咨询一下", "想咨询下", "想咨询",
        "咨询一下", "咨询下", "特此咨询", "咨询", "请教一下", "请教", "关于", "有关", "求助", "求问", "求解答", "求解", "麻烦问一下",
        "麻烦问下", "麻烦您", "麻烦你", "麻烦", "打扰一下", "打扰了", "打扰", "那个", "这个", "嗯嗯", "嗯", "呃", "额", "喂",
        "就是说", "就是", "是这样的", "是这样", "情况是这样的", "事情是这样的", "我是想问", "我是想", "我是", "现就", "现咨询",
        "现想咨询", "现想", "特此", "烦请告知", "烦请", "恳请告知", "恳请", "请告知", "敬请", "本人想", "本人系", "本人", "我司系", "我单位系",
    ];

    private static readonly string[] Suffixes =
    [
        "等相关问题", "的相关问题", "相关问题", "等有关问题", "的有关问题", "有关问题", "的问题", "等问题", "问题", "的相关咨询", "相关咨询", "的咨询", "咨询",
        "等相关事宜", "的相关事宜", "相关事宜", "的有关事宜", "有关事宜", "的事宜", "等事宜", "事宜", "的事情", "的事", "一事", "的情况", "情况", "的疑问", "疑问",
        "谢谢您", "谢谢你", "谢谢了", "谢谢", "多谢", "非常感谢", "望予答复", "望答复", "请答复", "盼复", "急急急",
        "在线等", "求解答", "求答复", "请回复", "望回复", "的问询", "问询",
        // A formal letter's "现就…事宜咨询如下".
        "事宜咨询如下", "咨询如下", "请示如下", "如下",
    ];

    // Whole clauses that say nothing about the question.
    private static readonly string[] Closings =
    [
        "此致", "敬礼", "此致敬礼", "谢谢", "谢谢您", "非常感谢", "感谢", "辛苦了", "辛苦", "麻烦了", "望予答复", "盼复",
        "期待您的回复", "期待回复", "望尽快答复", "望回复", "在线等", "急", "求解答", "求答复", "谢谢领导", "领导辛苦了", "祝好", "祝工作顺利",
        "敬请答复", "恳请答复", "请予答复", "望予回复", "敬请回复", "答复", "回复", "盼复为谢", "特此咨询",
        // How a caller addresses the person answering.
        "同志", "小伙子", "小姑娘", "师傅", "大姐", "小同志",
        // A pronoun left alone between pauses ("我 那个 身份证…").
        "我", "我们", "俺",
    ];

    /// <summary>The clause without leading and trailing framing (possibly empty).</summary>
    public static string Strip(string clause)
    {
        var text = clause.Trim();
        for (var changed = true; changed && text.Length > 0;)
        {
            changed = false;
            foreach (var p in Prefixes)
            {
                if (text.Length > p.Length && text.StartsWith(p, StringComparison.Ordinal) && !OpensAWord(text)) { text = text[p.Length..].TrimStart(); changed = true; }
                else if (text == p) { text = ""; changed = true; }
            }
            foreach (var s in Suffixes)
            {
                if (text.Length <= s.Length || !text.EndsWith(s, StringComparison.Ordinal) || IsService(text)) continue;
                text = text[..^s.Length].TrimEnd();
                changed = true;
            }
        }
        return text;
    }

    // Words that open with a hesitation (额度, 额外: not 额…我想问) or a filler (这个月: not 这个…); like IsService below
    // for the endings.
    private static readonly string[] WordsOpeningWithAPrefix =
        ["额度", "额外", "额定", "额满", "额头", "这个月", "这个季度", "这个星期", "这个礼拜", "这个学期", "这个年纪", "那个月"];

    private static bool OpensAWord(string text)
    {
        foreach (var w in WordsOpeningWithAPrefix) if (text.StartsWith(w, StringComparison.Ordinal)) return true;
        return false;
    }

    // "法律咨询" names the service asked about; its 咨询 is not framing.
    private static bool IsService(string text) =>
        text.EndsWith("法律咨询", StringComparison.Ordinal) || text.EndsWith("心理咨询", StringComparison.Ordinal)
        || text.EndsWith("免费咨询", StringComparison.Ordinal) || text.EndsWith("政策咨询", StringComparison.Ordinal);

    // "想问三件事", "有两个问题想咨询": how many questions follow, not one of them (after the prefixes are stripped).
    private static readonly System.Text.RegularExpressions.Regex Announcement = new(
        "^(?:我|还)?(?:有|想问|问)?(?:[0-9一二两三四五几]|几个)(?:件事|件事情|个问题|个事|个事情|点)(?:想问|想咨询|要问|咨询|请教|想|要)?(?:一下)?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>True for a clause (before framing is stripped) that says what a letter is about: "关于…", "有关…".</summary>
    public static bool IsSubject(string clause) => clause.StartsWith("关于", StringComparison.Ordinal) || clause.StartsWith("有关", StringComparison.Ordinal);

    /// <summary>True for a clause that is only a closing, thanks or signature, or announces how many questions follow.</summary>
    public static bool IsClosing(string clause)
    {
        var compact = clause.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length == 0 || Closings.Contains(compact) || Announcement.IsMatch(compact);
    }
}
