namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// The hesitations of spoken messages — 嗯, 呃, 那个, 就是, 然后 — that voice input writes down without punctuation
/// ("那个我家那个户口本找不着了嗯就是翻遍了都没有咋个补办嘛"). Where the speaker paused, a clause ends. So it does after a
/// greeting or "能听到吗" and before "我想问一下", "请问" ("同志你好我想问一下我那个身份证过期了…"): what the speaker
/// said to open the call is set apart from the question.
/// </summary>
public static class Fillers
{
    // Longest first where one is a prefix of another.
    private static readonly string[] Pauses = ["就是说", "然后呢", "然后", "就是", "那个", "嗯嗯", "嗯", "呃", "啊", "呀"];

    // The last character of "我", "俺", "咱", "我家", "我们": whose the thing after 那个 is.
    private const string Owner = "我俺咱家们";

    // Said to open a call, not part of any question: replaced by a pause like the hesitations.
    private static readonly string[] Greetings = ["您好", "你好", "侬好", "喂喂", "能听到吗", "听得到吗", "听得见吗", "能听见吗", "在吗"];

    // A clause starts here: the speaker turns to the question ("…你好我想问一下…", "小伙子问一下…"). Longest first.
    private static readonly string[] Openings =
    [
        "麻烦问一下", "麻烦问下", "我问一下", "我问下", "我问问", "我想问一下", "我想问下", "我想问问", "我想咨询一下", "我想咨询下", "想问一下", "想问问", "想咨询一下",
        "请问一下", "请问", "问一下", "咨询一下",
    ];

    /// <summary>
    /// <paramref name="text"/> with a comma in place of each hesitation and greeting, and before each turn to the question.
    /// </summary>
    public static string Mark(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length;)
        {
            var pause = StartingAt(text, i, Pauses) ?? StartingAt(text, i, Greetings);
            if (pause is not null)
            {
                // "我那个儿子", "俺家那个房产证": after the speaker, 那个 points at what is theirs; it is no pause.
                if (pause == "那个" && i > 0 && Owner.Contains(text[i - 1]))
                {
                    sb.Append('的');
                    i += pause.Length;
                    continue;
                }
                sb.Append('，');
                i += pause.Length;
                continue;
            }
            var opening = StartingAt(text, i, Openings);
            if (opening is null) { sb.Append(text[i++]); continue; }
            sb.Append('，').Append(opening);
            i += opening.Length;
        }
        return sb.ToString();
    }

    private static string? StartingAt(string text, int at, string[] words)
    {
        foreach (var w in words)
            if (text.AsSpan(at).StartsWith(w, StringComparison.Ordinal)) return w;
        return null;
    }
}
