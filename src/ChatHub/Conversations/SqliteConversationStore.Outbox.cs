using System.Globalization;
using Dapper;
using GovAssistant.ChatHub.Insights;

namespace GovAssistant.ChatHub.Conversations;

public sealed partial class SqliteConversationStore
{
    internal const string OutboxColumns =
        "o.id AS OutboxId, o.visitor_id AS VisitorId, m.conversation_id AS ConversationId, m.seq, m.sender, m.sender_id AS SenderId, " +
        "m.sender_name AS SenderName, m.text, m.at, m.channel, m.data";

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxItem>> ClaimOutboxAsync(
        string channel, string claimant, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        // SQLite lets one writer in at a time, so the claim is atomic; claimed_until is compared as UTC ISO text.
        var ids = (await connection.QueryAsync<long>(new CommandDefinition("""
            UPDATE outbox SET claimed_by = @claimant, claimed_until = @until
            WHERE id IN (
                SELECT o.id FROM outbox o
                WHERE o.channel = @channel AND o.done_at IS NULL AND (o.claimed_until IS NULL OR o.claimed_until < @now)
                  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.conversation_id = o.conversation_id AND p.done_at IS NULL AND p.id < o.id)
                ORDER BY o.id LIMIT @max)
            RETURNING id;
            """, new { channel, claimant, now = Utc(now), until = Utc(until), max }, transaction, cancellationToken: cancellationToken))).ToList();
        var items = ids.Count == 0 ? [] : (await connection.QueryAsync<OutboxRow>(new CommandDefinition($"""
            SELECT {OutboxColumns}
            FROM outbox o JOIN messages m ON m.conversation_id = o.conversation_id AND m.seq = o.seq
            WHERE o.id IN @ids ORDER BY o.id;
            """, new { ids }, transaction, cancellationToken: cancellationToken))).ToList();
        await transaction.CommitAsync(cancellationToken);
        return items.Select(r => new OutboxItem(r.OutboxId, r.VisitorId,
            new MessageRow(r.ConversationId, r.Seq, r.Sender, r.SenderId, r.SenderName, r.Text, r.At, r.Channel, r.Data).ToMessage())).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> CompleteOutboxAsync(long id, string claimant, string outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET done_at = @at, outcome = @outcome WHERE id = @id AND claimed_by = @claimant AND done_at IS NULL;",
            new { id, claimant, outcome, at = Utc(at) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationFact>> ListFactsAsync(InsightFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        var conversations = (await connection.QueryAsync<FactRow>(new CommandDefinition("""
            SELECT id, channel, state, category, department, created_at AS CreatedAt, closed_at AS ClosedAt, rating, rating_comment AS RatingComment
            FROM conversations
            WHERE ((created_at >= @From AND created_at < @To) OR state = 'Ticket')
              AND (@Channel IS NULL OR channel = @Channel) AND (@Category IS NULL OR category = @Category)
              AND (@Department IS NULL OR department = @Department)
            ORDER BY created_at;
            """, new
        {
            From = Utc(filter.From), To = Utc(filter.To), filter.Channel, filter.Category, filter.Department,
        }, cancellationToken: cancellationToken))).ToList();

        var milestones = new Dictionary<string, List<MilestoneMessage>>(StringComparer.Ordinal);
        foreach (var batch in conversations.Select(c => c.Id).Chunk(500))
        {
            var rows = await connection.QueryAsync<MilestoneRow>(new CommandDefinition($"""
                SELECT conversation_id AS ConversationId, sender, at, data FROM messages
                WHERE conversation_id IN @batch AND {ConversationFacts.MilestoneCandidates}
                ORDER BY conversation_id, seq;
                """, new { batch }, cancellationToken: cancellationToken));
            foreach (var m in rows)
            {
                if (ConversationFacts.KindOf(m.Sender, m.Data) is not { } kind) continue;
                if (!milestones.TryGetValue(m.ConversationId, out var list)) milestones[m.ConversationId] = list = [];
                list.Add(new MilestoneMessage(kind, Parse(m.At)));
            }
        }
        return conversations.Select(c => new ConversationFact(
            c.Id, c.Channel, c.State, c.Category, c.Department, Parse(c.CreatedAt), c.ClosedAt is null ? null : Parse(c.ClosedAt),
            (int?)c.Rating, c.RatingComment, milestones.GetValueOrDefault(c.Id) ?? [])).ToList();
    }

    private static string Utc(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private sealed record OutboxRow(
        long OutboxId, string VisitorId, string ConversationId, long Seq, string Sender, string? SenderId, string? SenderName,
        string Text, string At, string Channel, string? Data);

    private sealed record FactRow(
        string Id, string Channel, string State, string? Category, string? Department, string CreatedAt, string? ClosedAt, long? Rating, string? RatingComment);

    private sealed record MilestoneRow(string ConversationId, string Sender, string At, string? Data);
}
