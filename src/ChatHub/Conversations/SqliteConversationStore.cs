using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Conversations and messages in SQLite (WAL mode), one connection per operation; see <see cref="ConversationStore"/>
/// for what it keeps. Messages are appended and outbox rows claimed inside an IMMEDIATE transaction (SQLite lets one
/// writer in at a time); several processes sharing the file are kept apart by the version column and by SQLite's own
/// write lock. Times are UTC ISO-8601 text, which sorts and compares as time; lists are JSON text.
/// </summary>
public sealed class SqliteConversationStore(SqliteDatabase database) : ConversationStore(SqlDialect.Sqlite)
{
    private protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    private protected override Task<(DbConnection Connection, DbTransaction Transaction)> BeginAppendAsync(
        string conversationId, CancellationToken cancellationToken) => Task.FromResult(BeginImmediate());

    /// <inheritdoc />
    public override async Task<IReadOnlyList<OutboxItem>> ClaimOutboxAsync(
        string channel, string claimant, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken = default)
    {
        var (connection, transaction) = BeginImmediate();
        await using var _ = connection;
        await using var __ = transaction;
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(ClaimOutbox(locking: "", returning: "id") + ";",
            new { channel, claimant, now = Sql.Stamp(now), until = Sql.Stamp(until), max }, transaction, cancellationToken: cancellationToken))).ToList();
        var items = ids.Count == 0 ? [] : (await connection.QueryAsync<OutboxRow>(new CommandDefinition($"""
            SELECT {OutboxColumns}
            FROM outbox o JOIN messages m ON m.conversation_id = o.conversation_id AND m.seq = o.seq
            WHERE o.id IN @ids ORDER BY o.id;
            """, new { ids }, transaction, cancellationToken: cancellationToken))).ToList();
        await transaction.CommitAsync(cancellationToken);
        return items.Select(r => r.ToItem()).ToList();
    }

    // IMMEDIATE: the write lock from the start, so the read of the next sequence number (or of the claimable rows) and
    // the write after it are one step.
    private (DbConnection Connection, DbTransaction Transaction) BeginImmediate()
    {
        var connection = database.Open();
        return (connection, connection.BeginTransaction(deferred: false));
    }
}
