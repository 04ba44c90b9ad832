using System.Text.Json;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Insights;

/// <summary>What the dashboard needs to know of one conversation, read from the conversation store.</summary>
public sealed record ConversationFact(
    string Id, string Channel, string State, string? Category, string? Department, DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt, int? Rating, string? RatingComment, IReadOnlyList<MilestoneMessage> Milestones);

/// <summary>A message that marks a step of the service: queued, accepted, an agent's reply, a ticket.</summary>
/// <param name="Kind">queued, accepted, ticketCreated, or agent (an agent's message to the visitor).</param>
/// <param name="At">When it was stored.</param>
public sealed record MilestoneMessage(string Kind, DateTimeOffset At);

/// <summary>
/// Conversations and their milestone messages as stored (<see cref="IConversationStore.ListFactsAsync"/>), so the figures
/// come from what was stored, not from counters kept aside.
/// </summary>
public sealed class ConversationFacts(IConversationStore store)
{
    private static readonly string[] MilestoneTypes = ["queued", "accepted", "ticketCreated"];

    /// <summary>SQL filter the stores share: agent messages, and system messages with data (milestones among them).</summary>
    internal const string MilestoneCandidates = "(sender = 'Agent' OR (sender = 'System' AND data IS NOT NULL))";

    /// <summary>Conversations created in the filter's period, or still open as tickets, matching its channel, category and department.</summary>
    public Task<IReadOnlyList<ConversationFact>> ListAsync(InsightFilter filter, CancellationToken ct = default) =>
        store.ListFactsAsync(filter, ct);

    /// <summary>The milestone kind of a stored message (see <see cref="MilestoneMessage.Kind"/>), or null when it marks none.</summary>
    internal static string? KindOf(string sender, string? data)
    {
        var kind = sender == "Agent" ? "agent" : TypeOf(data);
        return kind is not null && (kind == "agent" || MilestoneTypes.Contains(kind)) ? kind : null;
    }

    private static string? TypeOf(string? data)
    {
        if (data is null) return null;
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
    }
}
