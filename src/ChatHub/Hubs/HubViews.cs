using System.Text.Json;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.QaEngine.Privacy;

namespace GovAssistant.ChatHub.Hubs;

/// <summary>A message as clients see it (docs/protocol.md, MessageView).</summary>
/// <param name="Masked">True when personal data in the visitor's text was masked for agents (they may reveal it).</param>
public sealed record MessageView(
    string ConversationId, long Seq, string Sender, string? SenderName, string Text, DateTimeOffset At, JsonElement? Data, bool Masked = false)
{
    /// <summary>The view of a stored message.</summary>
    public static MessageView Of(ChatMessage m) => new(
        m.ConversationId, m.Seq, JsonNamingPolicy.CamelCase.ConvertName(m.Sender.ToString()), m.SenderName, m.Text, m.At,
        m.Data is null ? null : JsonDocument.Parse(m.Data).RootElement.Clone());

    /// <summary>The view agents get: a visitor's ID, phone and card numbers masked until an agent reveals them.</summary>
    public static MessageView ForAgents(ChatMessage m)
    {
        var view = Of(m);
        if (m.Sender != SenderKind.Visitor) return view;
        var masked = PiiMasker.Mask(m.Text);
        return masked == m.Text ? view : view with { Text = masked, Masked = true };
    }
}

/// <summary>An agent in a conversation.</summary>
public sealed record AgentRef(string Id, string Name);

/// <summary>A conversation's state as clients see it (docs/protocol.md, ConversationSummary).</summary>
public sealed record ConversationSummary(
    string Id, string State, string Channel, string? Category, string? Department, IReadOnlyList<AgentRef> Agents,
    DateTimeOffset CreatedAt, DateTimeOffset? QueuedAt, int? Rating)
{
    /// <summary>The summary of <paramref name="c"/>, naming agents through <paramref name="nameOf"/>.</summary>
    public static ConversationSummary Of(Conversation c, Func<string, string> nameOf) => new(
        c.Id, JsonNamingPolicy.CamelCase.ConvertName(c.State.ToString()), c.Channel, c.Category, c.Department,
        c.Agents.Select(a => new AgentRef(a, nameOf(a))).ToList(), c.CreatedAt, c.QueuedAt, c.Rating);
}

/// <summary>A conversation with messages (docs/protocol.md, ConversationView).</summary>
public sealed record ConversationView(ConversationSummary Conversation, IReadOnlyList<MessageView> Messages, int? QueuePosition);
