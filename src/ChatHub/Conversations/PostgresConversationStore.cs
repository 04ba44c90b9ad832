using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Conversations and messages in PostgreSQL, shared by every node; see <see cref="ConversationStore"/> for what it
/// keeps. Sequence numbers are assigned under a transaction-scoped advisory lock per conversation (two nodes appending
/// at once never collide). Times are <c>timestamptz</c>, lists <c>jsonb</c>.
/// </summary>
public sealed class PostgresConversationStore(PostgresDatabase database) : ConversationStore(SqlDialect.Postgres)
{
    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    private protected override async Task<(DbConnection Connection, DbTransaction Transaction)> BeginAppendAsync(
        string conversationId, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@conversationId, 0));", new { conversationId }, transaction, cancellationToken: cancellationToken));
        return (connection, transaction);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<OutboxItem>> ClaimOutboxAsync(
        string channel, string claimant, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // SKIP LOCKED: senders on several nodes claim disjoint rows without waiting for each other; a row a claimant
        // committed meanwhile is re-checked against claimed_until and left alone.
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition($"""
            WITH claimed AS ({ClaimOutbox(locking: "FOR UPDATE SKIP LOCKED", returning: "id, visitor_id, conversation_id, seq")})
            SELECT {OutboxColumns}
            FROM claimed o JOIN messages m ON m.conversation_id = o.conversation_id AND m.seq = o.seq
            ORDER BY o.id;
            """, new { channel, claimant, now = Sql.Stamp(now), until = Sql.Stamp(until), max }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToItem()).ToList();
    }
}
