using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// Turns stored conversation messages into the activities a Direct Line client sees: the visitor's own words echoed
/// with the client's ids, the bot's Markdown answers with their buttons, agents' replies under the agent's name, and
/// service notices. Private notes are never turned into anything.
/// </summary>
public static partial class MessageActivities
{
    /// <summary>The bot's account.</summary>
    public static ChannelAccount Bot { get; } = new("govassistant", "智能助手", "bot");

    private static readonly ChannelAccount Service = new("govassistant:system", "系统", "bot");
    private const string HumanRequest = "转人工";

    /// <summary>The activity of <paramref name="m"/>; null for a private note.</summary>
    public static Activity? Of(ChatMessage m)
    {
        if (!m.IsVisibleToVisitor) return null;
        var data = m.Data is null ? null : JsonNode.Parse(m.Data) as JsonObject;
        var channelData = new JsonObject
        {
            // Web Chat orders its transcript by this number; the sequence number keeps it in the service's order.
            ["webchat:sequence-id"] = m.Seq,
            ["govassistant"] = new JsonObject { ["seq"] = m.Seq, ["sender"] = JsonNamingPolicy.CamelCase.ConvertName(m.Sender.ToString()), ["type"] = Str(data, "type") },
        };
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = ActivityIds.Of(m.ConversationId, m.Seq),
            Timestamp = m.At,
            Conversation = new(m.ConversationId),
            Text = m.Text,
            TextFormat = "plain",
            Locale = "zh-CN",
            ChannelData = channelData,
        };
        return m.Sender switch
        {
            SenderKind.Visitor => Visitor(activity, m, data, channelData),
            SenderKind.Bot => BotAnswer(activity, m, data, channelData),
            SenderKind.Agent => activity with { From = new ChannelAccount("agent:" + m.SenderId, m.SenderName ?? "人工客服", "bot") },
            _ => Notice(activity, data),
        };
    }

    /// <summary>A <c>typing</c> activity for an agent writing a reply (not stored, so no id and no sequence number).</summary>
    public static Activity AgentTyping(string conversationId, string agentName) => new()
    {
        Type = ActivityTypes.Typing,
        Conversation = new(conversationId),
        From = new ChannelAccount("agent:" + agentName, agentName, "bot"),
    };

    /// <summary>The <c>conversationUpdate</c> that opens every conversation: the user and the bot joined.</summary>
    public static Activity Started(string conversationId, string userId, DateTimeOffset at) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = ActivityIds.Of(conversationId, 0),
        Timestamp = at,
        Conversation = new(conversationId),
        From = Bot,
        MembersAdded = [Bot, new ChannelAccount(userId, Role: "user")],
        ChannelData = new JsonObject { ["webchat:sequence-id"] = 0 },
    };

    /// <summary>
    /// What is stored with a visitor's message so its echo carries the client's own ids (Web Chat marks a message sent
    /// when it sees its <c>clientActivityID</c> come back).
    /// </summary>
    public static object EchoData(IncomingActivity a) => new
    {
        channel = DirectLineChannel.Name,
        clientActivityID = a.ClientActivityId,
        fromId = a.From?.Id,
        fromName = a.From?.Name,
        replyToId = a.ReplyToId,
    };

    private static Activity Visitor(Activity a, ChatMessage m, JsonObject? data, JsonObject channelData)
    {
        if (Str(data, "clientActivityID") is { } clientId) channelData["clientActivityID"] = clientId;
        return a with
        {
            From = new ChannelAccount(Str(data, "fromId") ?? m.SenderId ?? "user", Str(data, "fromName"), "user"),
            ReplyToId = Str(data, "replyToId"),
        };
    }

    private static Activity BotAnswer(Activity a, ChatMessage m, JsonObject? data, JsonObject channelData)
    {
        var decision = Str(data, "decision");
        channelData["govassistant"]!["decision"] = decision;
        channelData["govassistant"]!["faqId"] = Str(data, "faqId");
        channelData["govassistant"]!["aspect"] = Str(data, "aspect");
        // An answer about one aspect shows its section; the button sends "查看完整答复", which the service answers with the whole.
        var section = Str(data, "section");
        var text = HardBreaks(section ?? m.Text);
        if (section is null && Str(data, "basis") is { Length: > 0 } basis) text += $"\n\n政策依据：{basis}";
        CardAction[] whole = section is null ? [] : [new("imBack", FullAnswerWords.Button, FullAnswerWords.Button)];
        IReadOnlyList<CardAction> buttons = decision switch
        {
            // The choice's own question is sent back: the engine answers it like any question.
            "clarify" => [.. Questions(data, "choices"), new("imBack", HumanRequest, HumanRequest)],
            "answered" => [.. whole, .. Questions(data, "otherQuestions"), .. Questions(data, "related")],
            "noAnswer" => [new("imBack", HumanRequest, HumanRequest)],
            null => [new("imBack", HumanRequest, HumanRequest)],          // the greeting tells the user about 转人工
            _ => [],
        };
        return a with
        {
            From = Bot,
            Text = text,
            TextFormat = "markdown",
            // A bot turn always follows the visitor's message it answers.
            ReplyToId = decision is null || m.Seq <= 1 ? null : ActivityIds.Of(m.ConversationId, m.Seq - 1),
            SuggestedActions = buttons.Count == 0 ? null : new SuggestedActions(buttons),
        };
    }

    private static Activity Notice(Activity a, JsonObject? data) => a with
    {
        From = Service,
        SuggestedActions = Str(data, "type") == "closed" ? new SuggestedActions(RatingWords.Buttons) : null,
    };

    /// <summary>
    /// The bank writes one item a line ("**所需材料**：…\n**办理地点**：…"); Markdown would run such lines together,
    /// so single line breaks become hard breaks, as the web widget shows them.
    /// </summary>
    private static string HardBreaks(string markdown) => SingleNewline().Replace(markdown.Replace("\r\n", "\n"), "  \n");

    [GeneratedRegex(@"(?<!\n)\n(?!\n)")]
    private static partial Regex SingleNewline();

    private static IEnumerable<CardAction> Questions(JsonObject? data, string field) =>
        (data?[field] as JsonArray ?? [])
            .Select(c => c?["question"]?.GetValue<string>())
            .Where(q => !string.IsNullOrWhiteSpace(q))
            .Select(q => new CardAction("imBack", q!, q!));

    private static string? Str(JsonObject? data, string field) =>
        data?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
