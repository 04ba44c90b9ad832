using Dapper;
using GovAssistant.ChatHub.Insights;

namespace GovAssistant.ChatHub.Conversations;

public sealed partial class PostgresConversationStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxItem>> ClaimOutboxAsync(
        string channel, string claimant, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // SKIP LOCKED: senders on several nodes claim disjoint rows without waiting for each other; a row a claimant
        // committed meanwhile is re-checked against claimed_until and left alone.
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition($"""
            WITH claimed AS (
                UPDATE outbox SET claimed_by = @claimant, claimed_until = @until
                WHERE id IN (
                    SELECT o.id FROM outbox o
                    WHERE o.channel = @channel AND o.done_at IS NULL AND (o.claimed_until IS NULL OR o.claimed_until < @now)
                      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.conversation_id = o.conversation_id AND p.done_at IS NULL AND p.id < o.id)
                    ORDER BY o.id LIMIT @max
                    FOR UPDATE SKIP LOCKED)
                RETURNING id, visitor_id, conversation_id, seq)
            SELECT {SqliteConversationStore.OutboxColumns}
            FROM claimed o JOIN messages m ON m.conversation_id = o.conversation_id AND m.seq = o.seq
            ORDER BY o.id;
            """, new { channel, claimant, now = now.ToUniversalTime(), until = until.ToUniversalTime(), max }, cancellationToken: cancellationToken));
        return rows.Select(r => new OutboxItem(r.OutboxId, r.VisitorId,
            new MessageRow(r.ConversationId, r.Seq, r.Sender, r.SenderId, r.SenderName, r.Text, r.At, r.Channel, r.Data).ToMessage())).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> CompleteOutboxAsync(long id, string claimant, string outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET done_at = @at, outcome = @outcome WHERE id = @id AND claimed_by = @claimant AND done_at IS NULL;",
            new { id, claimant, outcome, at = at.ToUniversalTime() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationFact>> ListFactsAsync(InsightFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var conversations = (await connection.QueryAsync<FactRow>(new CommandDefinition("""
            SELECT id, channel, state, category, department, created_at AS CreatedAt, closed_at AS ClosedAt, rating, rating_comment AS RatingComment
            FROM conversations
            WHERE ((created_at >= @From AND created_at < @To) OR state = 'Ticket')
              AND (CAST(@Channel AS text) IS NULL OR channel = @Channel) AND (CAST(@Category AS text) IS NULL OR category = @Category)
              AND (CAST(@Department AS text) IS NULL OR department = @Department)
            ORDER BY created_at;
            """, new
        {
            From = filter.From.ToUniversalTime(), To = filter.To.ToUniversalTime(), filter.Channel, filter.Category, filter.Department,
        }, cancellationToken: cancellationToken))).ToList();

        var milestones = new Dictionary<string, List<MilestoneMessage>>(StringComparer.Ordinal);
        foreach (var batch in conversations.Select(c => c.Id).Chunk(500))
        {
            var rows = await connection.QueryAsync<MilestoneRow>(new CommandDefinition($"""
                SELECT conversation_id AS ConversationId, sender, at, data FROM messages
                WHERE conversation_id = ANY(@batch) AND {ConversationFacts.MilestoneCandidates}
                ORDER BY conversation_id, seq;
                """, new { batch }, cancellationToken: cancellationToken));
            foreach (var m in rows)
            {
                if (ConversationFacts.KindOf(m.Sender, m.Data) is not { } kind) continue;
                if (!milestones.TryGetValue(m.ConversationId, out var list)) milestones[m.ConversationId] = list = [];
                list.Add(new MilestoneMessage(kind, Utc(m.At)));
            }
        }
        return conversations.Select(c => new ConversationFact(
            c.Id, c.Channel, c.State, c.Category, c.Department, Utc(c.CreatedAt), Utc(c.ClosedAt),
            c.Rating, c.RatingComment, milestones.GetValueOrDefault(c.Id) ?? [])).ToList();
    }

    private sealed record OutboxRow(
        long OutboxId, string VisitorId, string ConversationId, long Seq, string Sender, string? SenderId, string? SenderName,
        string Text, DateTime At, string Channel, string? Data);

    private sealed record FactRow(
        string Id, string Channel, string State, string? Category, string? Department, DateTime CreatedAt, DateTime? ClosedAt, int? Rating, string? RatingComment);

    private sealed record MilestoneRow(string ConversationId, string Sender, DateTime At, string? Data);
}
