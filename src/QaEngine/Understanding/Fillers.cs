namespace GovAssistant.QaEngine.Understanding;

/// <summary>
/// The hesitations of spoken messages — 嗯, 呃, 那个, 就是, 然后 — that voice input writes down without punctuation
/// ("那个我家那个户口本找不着了嗯就是翻遍了都没有咋个补办嘛"). Where the speaker paused, a clause ends.
/// </summary>
public static class Fillers
{
    // Longest first where one is a prefix of another.
    private static readonly string[] Pauses = ["就是说", "然后呢", "然后", "就是", "那个", "嗯嗯", "嗯", "呃", "啊", "呀"];

    /// <summary><paramref name="text"/> with a comma in place of each hesitation.</summary>
    public static string Mark(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length;)
        {
            var pause = Array.Find(Pauses, p => text.AsSpan(i).StartsWith(p, StringComparison.Ordinal));
            if (pause is null) { sb.Append(text[i++]); continue; }
            sb.Append('，');
            i += pause.Length;
        }
        return sb.ToString();
    }
}
