using System.Text.Json;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>An activity posted by a client, as read from the body (every field optional until validated).</summary>
public sealed record IncomingActivity(
    string? Type,
    string? Text,
    IncomingAccount? From,
    string? ReplyToId,
    JsonElement? ChannelData,
    JsonElement? Value,
    JsonElement? Attachments,
    string? Name)
{
    /// <summary>A valid example body, quoted in error messages.</summary>
    public const string Example = """{"type":"message","from":{"id":"user1"},"text":"居住证怎么办理"}""";

    /// <summary>The client's id for the activity (Web Chat's <c>channelData.clientActivityID</c>), if any.</summary>
    public string? ClientActivityId =>
        ChannelData is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("clientActivityID", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>A 1–5 rating in <c>value.rating</c> (a messageBack button), if any.</summary>
    public int? RatingValue =>
        Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("rating", out var r) && r.ValueKind == JsonValueKind.Number
            && r.TryGetInt32(out var rating) ? rating : null;

    /// <summary>The first thing wrong with the activity, in Chinese, or null when it can be handled.</summary>
    public string? Problem(int maxTextLength)
    {
        if (string.IsNullOrWhiteSpace(Type)) return $"活动缺少 type 字段，例如：{Example}";
        if (Type is not (ActivityTypes.Message or ActivityTypes.Typing or ActivityTypes.Event))
            return $"不支持的活动类型“{Clip(Type)}”：只接受 message、typing 或 event。";
        if (From is { Id.Length: > 128 } || From is { Name.Length: > 64 }) return "from.id 最多 128 个字符，from.name 最多 64 个字符。";
        if (ReplyToId is { Length: > 200 }) return "replyToId 过长（最多 200 个字符）。";
        if (ChannelData is { } data && data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)) return "channelData 必须是 JSON 对象。";
        if (ChannelData is { ValueKind: JsonValueKind.Object } cd && cd.TryGetProperty("clientActivityID", out var cid)
            && (cid.ValueKind != JsonValueKind.String || cid.GetString()!.Length > 100))
            return "channelData.clientActivityID 必须是不超过 100 个字符的字符串。";
        if (Type != ActivityTypes.Message) return null;
        if (Attachments is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0) return "暂不支持发送附件，请直接输入文字。";
        if (GovAssistant.KnowledgeBase.TextRules.IsBlank(Text) && RatingValue is null) return "消息不能为空：message 活动需要 text 字段。";
        if (Text is { } raw && !GovAssistant.KnowledgeBase.TextRules.IsWellFormed(raw)) return GovAssistant.KnowledgeBase.TextRules.Malformed;
        if (Text is { } t && t.Trim().Length > maxTextLength) return $"消息过长（最多 {maxTextLength} 个字）。";
        return null;
    }

    private static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";
}

/// <summary>The sender as the client names it (kept only to echo it back).</summary>
/// <param name="Id">The client's user id.</param>
/// <param name="Name">The client's user name.</param>
/// <param name="Role">Usually "user".</param>
public sealed record IncomingAccount(string? Id, string? Name, string? Role);

/// <summary>Activity types this channel knows.</summary>
public static class ActivityTypes
{
    /// <summary>Text from a participant.</summary>
    public const string Message = "message";

    /// <summary>Someone is typing.</summary>
    public const string Typing = "typing";

    /// <summary>A named client event (accepted and ignored).</summary>
    public const string Event = "event";

    /// <summary>Members joined (sent once at the start of a conversation).</summary>
    public const string ConversationUpdate = "conversationUpdate";
}
