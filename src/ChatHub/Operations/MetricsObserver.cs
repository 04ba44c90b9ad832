using System.Text.Json;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Operations;

/// <summary>
/// Counts what conversations do, from the same events every channel hears (after they are stored): each bot turn is
/// a question with the engine's decision, queue changes give its length, a first accept ends a wait.
/// </summary>
internal sealed class MetricsObserver(ServiceMetrics metrics) : IConversationObserver
{
    public Task MessageAddedAsync(Conversation conversation, ChatMessage message)
    {
        if (message.Sender == SenderKind.Bot && Decision(message.Data) is { } decision)
            metrics.Asked(conversation.Channel, decision);
        return Task.CompletedTask;
    }

    public Task ConversationChangedAsync(Conversation conversation)
    {
        // The change that is the first accept: a re-queued conversation's later waits are not counted (the dashboard has them).
        if (conversation is { State: ConversationState.WithAgent, QueuedAt: { } queued, AcceptedAt: { } accepted }
            && accepted == conversation.UpdatedAt)
            metrics.Waited(accepted - queued);
        return Task.CompletedTask;
    }

    public Task OfferedAsync(Conversation conversation, string agentId) => Task.CompletedTask;

    public Task QueueChangedAsync(IReadOnlyList<Conversation> queue)
    {
        metrics.QueueIs(queue.Count);
        return Task.CompletedTask;
    }

    /// <summary>The decision of a bot turn (<c>{"type":"bot","decision":…}</c>); other bot messages (full text, menus) are not questions.</summary>
    private static string? Decision(string? data)
    {
        if (string.IsNullOrEmpty(data)) return null;
        try
        {
            using var json = JsonDocument.Parse(data);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("type", out var type) && type.ValueEquals("bot")
                && root.TryGetProperty("decision", out var decision) && decision.ValueKind == JsonValueKind.String
                ? decision.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
