using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// A Bot Framework activity as GovAssistant sends it over Direct Line 3.0 (only the fields this channel uses; nulls are
/// left out of the JSON).
/// </summary>
public sealed record Activity
{
    /// <summary>message, typing or conversationUpdate.</summary>
    public required string Type { get; init; }

    /// <summary>"{conversationId}|{seq:D7}": derived from the message's sequence number (see <see cref="ActivityIds"/>).</summary>
    public string? Id { get; init; }

    /// <summary>When the message was stored (UTC).</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Always "directline".</summary>
    public string ChannelId { get; init; } = DirectLineChannel.Name;

    /// <summary>Who sent it.</summary>
    public ChannelAccount? From { get; init; }

    /// <summary>The conversation.</summary>
    public required ConversationAccount Conversation { get; init; }

    /// <summary>Text of a message.</summary>
    public string? Text { get; init; }

    /// <summary>markdown for the bot's answers, plain for people's words and notices.</summary>
    public string? TextFormat { get; init; }

    /// <summary>Locale of the text.</summary>
    public string? Locale { get; init; }

    /// <summary>The activity this one answers.</summary>
    public string? ReplyToId { get; init; }

    /// <summary>Buttons offered with the message (clarification choices, 转人工, the rating scale).</summary>
    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>Members who joined (conversationUpdate).</summary>
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    /// <summary>Client ids echoed back (<c>clientActivityID</c>), Web Chat's ordering key, GovAssistant's decision.</summary>
    public JsonObject? ChannelData { get; init; }
}

/// <summary>A participant: the user, the bot, an agent (role "bot", their own name) or the service.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">"user" or "bot".</param>
public sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);

/// <summary>The conversation an activity belongs to.</summary>
/// <param name="Id">Conversation id.</param>
public sealed record ConversationAccount(string Id);

/// <summary>Buttons shown under a message until the user sends something.</summary>
/// <param name="Actions">The buttons.</param>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <summary>
/// One button. GovAssistant only uses <c>imBack</c>: clicking sends <paramref name="Value"/> as the user's message, so
/// every button works the same as typing its words.
/// </summary>
/// <param name="Type">imBack.</param>
/// <param name="Title">Label.</param>
/// <param name="Value">Text sent on click.</param>
public sealed record CardAction(string Type, string Title, string Value);

/// <summary>A batch of activities and the watermark to continue after them.</summary>
/// <param name="Activities">Oldest first.</param>
/// <param name="Watermark">Pass back as <c>?watermark=</c> to get only what follows.</param>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

/// <summary>Answer of the token and conversation endpoints.</summary>
/// <param name="ConversationId">The conversation the token opens.</param>
/// <param name="Token">Bearer token for that conversation only.</param>
/// <param name="ExpiresIn">Seconds until the token expires.</param>
/// <param name="StreamUrl">WebSocket address (conversation endpoints only).</param>
public sealed record DirectLineConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>Answer of a posted activity.</summary>
/// <param name="Id">The id the activity got (it comes back with this id in the stream).</param>
public sealed record ResourceResponse(string Id);
