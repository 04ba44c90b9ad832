using Dapper;
using GovAssistant.ChatHub.Insights;

namespace GovAssistant.ChatHub.Conversations;

public abstract partial class ConversationStore
{
    /// <summary>The columns of a claimed outbox row joined (as <c>o</c>) with its message (as <c>m</c>), for <see cref="OutboxRow"/>.</summary>
    private protected const string OutboxColumns =
        "o.id AS OutboxId, o.visitor_id AS VisitorId, m.conversation_id AS ConversationId, m.seq, m.sender, m.sender_id AS SenderId, " +
        "m.sender_name AS SenderName, m.text, m.at, m.channel, m.data";

    /// <summary>
    /// The statement that claims outbox rows (parameters <c>@channel, @claimant, @now, @until, @max</c>): rows not done and
    /// not claimed (or whose claim expired), only the oldest pending row of each conversation, oldest first.
    /// </summary>
    /// <param name="locking">What follows the row choice (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>).</param>
    /// <param name="returning">The columns of the claimed rows to return.</param>
    private protected static string ClaimOutbox(string locking, string returning) => $"""
        UPDATE outbox SET claimed_by = @claimant, claimed_until = @until
        WHERE id IN (
            SELECT o.id FROM outbox o
            WHERE o.channel = @channel AND o.done_at IS NULL AND (o.claimed_until IS NULL OR o.claimed_until < @now)
              AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.conversation_id = o.conversation_id AND p.done_at IS NULL AND p.id < o.id)
            ORDER BY o.id LIMIT @max
            {locking})
        RETURNING {returning}
        """;

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<OutboxItem>> ClaimOutboxAsync(
        string channel, string claimant, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public async Task<bool> CompleteOutboxAsync(long id, string claimant, string outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET done_at = @at, outcome = @outcome WHERE id = @id AND claimed_by = @claimant AND done_at IS NULL;",
            new { id, claimant, outcome, at = Sql.Stamp(at) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationFact>> ListFactsAsync(InsightFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var conversations = (await connection.QueryAsync<FactRow>(new CommandDefinition("""
            SELECT id, channel, state, category, department, created_at AS CreatedAt, closed_at AS ClosedAt, rating, rating_comment AS RatingComment
            FROM conversations
            WHERE ((created_at >= @From AND created_at < @To) OR state = 'Ticket')
              AND (@Channel IS NULL OR channel = @Channel) AND (@Category IS NULL OR category = @Category)
              AND (@Department IS NULL OR department = @Department)
            ORDER BY created_at;
            """, new
        {
            From = Sql.Stamp(filter.From), To = Sql.Stamp(filter.To), filter.Channel, filter.Category, filter.Department,
        }, cancellationToken: cancellationToken))).ToList();

        var milestones = new Dictionary<string, List<MilestoneMessage>>(StringComparer.Ordinal);
        foreach (var batch in conversations.Select(c => c.Id).Chunk(500))
        {
            var rows = await connection.QueryAsync<MilestoneRow>(new CommandDefinition($"""
                SELECT conversation_id AS ConversationId, sender, at, data FROM messages
                WHERE conversation_id {Sql.AnyOf("@batch")} AND {ConversationFacts.MilestoneCandidates}
                ORDER BY conversation_id, seq;
                """, new { batch }, cancellationToken: cancellationToken));
            foreach (var m in rows)
            {
                if (ConversationFacts.KindOf(m.Sender, m.Data) is not { } kind) continue;
                if (!milestones.TryGetValue(m.ConversationId, out var list)) milestones[m.ConversationId] = list = [];
                list.Add(new MilestoneMessage(kind, m.Time));
            }
        }
        return conversations.Select(c => c.ToFact(milestones.GetValueOrDefault(c.Id) ?? [])).ToList();
    }
}
