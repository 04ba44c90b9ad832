using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Turns a stored message into what a WeChat user reads: Markdown to plain text, the bot's choices listed, a rating
/// hint after the conversation closed, then split into messages of at most the text limit (2048 UTF-8 bytes;
/// longer ones are refused with 45002). The text is the engine's or agent's own; nothing is chosen here.
/// </summary>
public static partial class WeChatText
{
    /// <summary>The texts to send for <paramref name="message"/>, each within <paramref name="maxBytes"/>.</summary>
    public static IReadOnlyList<string> Render(ChatMessage message, int maxBytes)
    {
        var data = Data(message);
        // An answer about one aspect (多少钱, 要带什么材料 …) shows its section; the whole answer is one "全文" away.
        var section = data is { } sd && sd.TryGetProperty("section", out var se) && se.ValueKind == JsonValueKind.String ? se.GetString() : null;
        var text = new StringBuilder(FromMarkdown(section ?? message.Text));
        if (section is not null) text.Append("\n\n回复“全文”查看完整答复");
        if (data is { } d && d.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
        {
            text.Append("\n（请直接发送您要问的问题）");
            foreach (var c in choices.EnumerateArray())
                if (c.TryGetProperty("question", out var q) && q.GetString() is { } question) text.Append("\n· ").Append(question);
        }
        AppendQuestions(text, data, "otherQuestions", "\n您可能还想问：");
        var type = data is { } t && t.TryGetProperty("type", out var ty) ? ty.GetString() : null;
        // A question about the citizen's own records: the bot cannot see them, a person can.
        if (data is { } rd && rd.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String && reason.GetString() == "ownCase")
            text.Append("\n需要人工服务请回复“人工”。");
        if (type == "closed")
            text.Append("\n回复数字 1–5 评价本次服务：1 非常不满意，2 不满意，3 一般，4 满意，5 非常满意。");
        if (type == "offerTicket")
            text.Append("\n回复“留言+您的问题”即可留言，工作人员会通过微信答复您。");
        return Split(text.ToString().Trim(), maxBytes);
    }

    private static void AppendQuestions(StringBuilder text, JsonElement? data, string field, string title)
    {
        if (data is not { } d || !d.TryGetProperty(field, out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0) return;
        text.Append(title);
        foreach (var c in list.EnumerateArray())
            if (c.TryGetProperty("question", out var q) && q.GetString() is { } question) text.Append("\n· ").Append(question);
    }

    /// <summary>Markdown as plain text: emphasis and headings dropped, links as "text（url）", lists as "· ".</summary>
    public static string FromMarkdown(string markdown)
    {
        var s = markdown.Replace("\r\n", "\n");
        s = Image().Replace(s, "$1");
        s = Link().Replace(s, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[1].Value : $"{m.Groups[1].Value}（{m.Groups[2].Value}）");
        s = Heading().Replace(s, "");
        s = Bullet().Replace(s, "$1· ");
        s = Emphasis().Replace(s, "$2");
        s = s.Replace("`", "");
        s = Tag().Replace(s, "");
        return BlankLines().Replace(s, "\n\n").Trim();
    }

    /// <summary>
    /// Splits <paramref name="text"/> into parts of at most <paramref name="maxBytes"/> UTF-8 bytes, at line breaks
    /// where possible and never inside a character.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        foreach (var line in text.Split('\n'))
        {
            var piece = current.Length == 0 ? line : "\n" + line;
            var bytes = Encoding.UTF8.GetByteCount(piece);
            if (currentBytes + bytes <= maxBytes)
            {
                current.Append(piece);
                currentBytes += bytes;
                continue;
            }
            Flush();
            // A line longer than a whole message is cut by characters (runes, so no surrogate pair is split).
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (currentBytes + size > maxBytes) Flush();
                current.Append(rune.ToString());
                currentBytes += size;
            }
        }
        Flush();
        return parts;

        void Flush()
        {
            if (current.Length > 0 && current.ToString().Trim().Length > 0) parts.Add(current.ToString().Trim('\n'));
            current.Clear();
            currentBytes = 0;
        }
    }

    private static JsonElement? Data(ChatMessage message)
    {
        if (message.Data is null) return null;
        try
        {
            using var document = JsonDocument.Parse(message.Data);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?m)^[ \t]{0,3}#{1,6}[ \t]+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?m)^([ \t]*)[-*+][ \t]+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(\*\*|__|\*)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
