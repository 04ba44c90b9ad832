namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The one check every piece of text a person writes passes, whatever the entry point (ask API, hubs, Direct Line,
/// WeChat, canned replies, policy names, bank drafts): it must hold something visible, and it must be well-formed
/// UTF-16 (a lone surrogate cannot be stored as UTF-8, shown, or indexed). Blank text (NUL-only, control-only
/// included) gets the entry point's own "cannot be empty" message; malformed text gets <see cref="Malformed"/>.
/// </summary>
public static class TextRules
{
    /// <summary>The refusal of text with a lone surrogate or bytes that are not UTF-8, the same at every entry point.</summary>
    public const string Malformed = "内容含有无法识别的字符（无效的 Unicode 编码），请删除后重新输入。";

    /// <summary>
    /// The Chinese refusal of <paramref name="text"/>: <paramref name="blank"/> when it is missing or blank,
    /// <see cref="Malformed"/> when it is not well-formed, null when it may be used.
    /// </summary>
    public static string? Problem(string? text, string blank)
    {
        if (IsBlank(text)) return blank;
        return IsWellFormed(text!) ? null : Malformed;
    }

    /// <summary>Whether <paramref name="text"/> is missing or holds nothing but white space, control and format characters.</summary>
    public static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? text)
    {
        if (text is null) return true;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
                return false;
        }
        return true;
    }

    /// <summary>Whether every surrogate in <paramref name="text"/> is half of a pair.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
