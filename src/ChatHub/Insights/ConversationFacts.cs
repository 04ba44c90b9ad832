using System.Globalization;
using System.Text.Json;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Insights;

/// <summary>What the dashboard needs to know of one conversation, read from the conversation store's tables.</summary>
public sealed record ConversationFact(
    string Id, string Channel, string State, string? Category, string? Department, DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt, int? Rating, string? RatingComment, IReadOnlyList<MilestoneMessage> Milestones);

/// <summary>A message that marks a step of the service: queued, accepted, an agent's reply, a ticket.</summary>
/// <param name="Kind">queued, accepted, ticketCreated, or agent (an agent's message to the visitor).</param>
/// <param name="At">When it was stored.</param>
public sealed record MilestoneMessage(string Kind, DateTimeOffset At);

/// <summary>
/// Reads conversations and their milestone messages straight from the <c>conversations</c> and <c>messages</c>
/// tables (read-only SQL of its own), so the figures come from what was stored, not from counters kept aside.
/// </summary>
public sealed class ConversationFacts(SqliteDatabase database)
{
    private static readonly string[] MilestoneTypes = ["queued", "accepted", "ticketCreated"];

    /// <summary>Conversations created in the filter's period, or still open as tickets, matching its channel, category and department.</summary>
    public async Task<IReadOnlyList<ConversationFact>> ListAsync(InsightFilter filter, CancellationToken ct = default)
    {
        await using var connection = database.Open();
        var conversations = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, channel, state, category, department, created_at AS CreatedAt, closed_at AS ClosedAt, rating, rating_comment AS RatingComment
            FROM conversations
            WHERE ((created_at >= @From AND created_at < @To) OR state = 'Ticket')
              AND (@Channel IS NULL OR channel = @Channel) AND (@Category IS NULL OR category = @Category)
              AND (@Department IS NULL OR department = @Department)
            ORDER BY created_at;
            """, new
        {
            From = filter.From.ToUniversalTime().ToString("O"), To = filter.To.ToUniversalTime().ToString("O"),
            filter.Channel, filter.Category, filter.Department,
        }, cancellationToken: ct))).ToList();

        var milestones = new Dictionary<string, List<MilestoneMessage>>(StringComparer.Ordinal);
        foreach (var batch in conversations.Select(c => c.Id).Chunk(500))
        {
            var rows = await connection.QueryAsync<MessageRow>(new CommandDefinition("""
                SELECT conversation_id AS ConversationId, sender, at, data FROM messages
                WHERE conversation_id IN @batch AND (sender = 'Agent' OR (sender = 'System' AND data IS NOT NULL))
                ORDER BY conversation_id, seq;
                """, new { batch }, cancellationToken: ct));
            foreach (var m in rows)
            {
                var kind = m.Sender == "Agent" ? "agent" : TypeOf(m.Data);
                if (kind is null || (kind != "agent" && !MilestoneTypes.Contains(kind))) continue;
                if (!milestones.TryGetValue(m.ConversationId, out var list)) milestones[m.ConversationId] = list = [];
                list.Add(new MilestoneMessage(kind, Parse(m.At)));
            }
        }
        return conversations.Select(c => new ConversationFact(
            c.Id, c.Channel, c.State, c.Category, c.Department, Parse(c.CreatedAt), c.ClosedAt is null ? null : Parse(c.ClosedAt),
            (int?)c.Rating, c.RatingComment, milestones.GetValueOrDefault(c.Id) ?? [])).ToList();
    }

    private static string? TypeOf(string? data)
    {
        if (data is null) return null;
        using var doc = JsonDocument.Parse(data);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
    }

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private sealed record Row(
        string Id, string Channel, string State, string? Category, string? Department, string CreatedAt, string? ClosedAt, long? Rating, string? RatingComment);

    private sealed record MessageRow(string ConversationId, string Sender, string At, string? Data);
}
