using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Conversations, their messages, the bot's context and the channel outbox, written once for both databases:
/// <see cref="SqliteConversationStore"/> and <see cref="PostgresConversationStore"/> supply the connections, the append
/// transaction and the outbox claim; the few dialect differences (times, JSON columns, list parameters) are in
/// <see cref="SqlDialect"/>. A transition
/// saves only when the version read is still current; sequence numbers are assigned inside the append transaction, so
/// two messages of one conversation never get the same number.
/// </summary>
public abstract partial class ConversationStore : IConversationStore
{
    private const string Columns =
        "id, visitor_id AS VisitorId, channel, state, category, department, agents, created_at AS CreatedAt, updated_at AS UpdatedAt, " +
        "queued_at AS QueuedAt, accepted_at AS AcceptedAt, closed_at AS ClosedAt, contact, rating, rating_comment AS RatingComment, version";

    private const string MessageColumns =
        "conversation_id AS ConversationId, seq, sender, sender_id AS SenderId, sender_name AS SenderName, text, at, channel, data";

    private protected ConversationStore(SqlDialect sql) => Sql = sql;

    /// <summary>The SQL dialect of the database.</summary>
    private protected SqlDialect Sql { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// An open connection with a write transaction in which no one else appends to <paramref name="conversationId"/>
    /// until it ends (the next sequence number is read and used in it); the caller disposes both.
    /// </summary>
    private protected abstract Task<(DbConnection Connection, DbTransaction Transaction)> BeginAppendAsync(
        string conversationId, CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task CreateAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO conversations (id, visitor_id, channel, state, category, department, agents, created_at, updated_at,
                queued_at, accepted_at, closed_at, contact, rating, rating_comment, version)
            VALUES (@Id, @VisitorId, @Channel, @State, @Category, @Department, {Sql.Json("@Agents")}, @CreatedAt, @UpdatedAt,
                @QueuedAt, @AcceptedAt, @ClosedAt, @Contact, @Rating, @RatingComment, @Version);
            """, Parameters(conversation), cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM conversations WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        return row?.ToConversation();
    }

    /// <inheritdoc />
    public async Task SaveAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE conversations SET state = @State, category = @Category, department = @Department, agents = {Sql.Json("@Agents")},
                updated_at = @UpdatedAt, queued_at = @QueuedAt, accepted_at = @AcceptedAt, closed_at = @ClosedAt,
                contact = @Contact, rating = @Rating, rating_comment = @RatingComment, version = version + 1
            WHERE id = @Id AND version = @Version;
            """, Parameters(conversation), cancellationToken: cancellationToken));
        if (changed == 0) throw new ConversationConflictException(conversation.Id);
        conversation.Version++;
    }

    /// <inheritdoc />
    public async Task<ChatMessage> AppendAsync(NewMessage m, CancellationToken cancellationToken = default)
    {
        var (connection, transaction) = await BeginAppendAsync(m.ConversationId, cancellationToken);
        await using var _ = connection;
        await using var __ = transaction;
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @ConversationId;", new { m.ConversationId }, transaction, cancellationToken: cancellationToken));
        var at = Sql.Stamp(m.At);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO messages (conversation_id, seq, sender, sender_id, sender_name, text, at, channel, data)
            VALUES (@ConversationId, @Seq, @Sender, @SenderId, @SenderName, @Text, @At, @Channel, @Data);
            """, new { m.ConversationId, Seq = seq, Sender = m.Sender.ToString(), m.SenderId, m.SenderName, m.Text, At = at, m.Channel, m.Data },
            transaction, cancellationToken: cancellationToken));
        if (m.Push)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO outbox (conversation_id, seq, channel, visitor_id, created_at)
                SELECT id, @Seq, channel, visitor_id, @At FROM conversations WHERE id = @ConversationId;
                """, new { m.ConversationId, Seq = seq, At = at }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new ChatMessage(m.ConversationId, seq, m.Sender, m.SenderId, m.SenderName, m.Text, m.At, m.Channel, m.Data);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChatMessage>> GetMessagesAsync(
        string conversationId, long afterSeq, bool includeNotes, int max = 500, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MessageRow>(new CommandDefinition($"""
            SELECT {MessageColumns}
            FROM messages WHERE conversation_id = @conversationId AND seq > @afterSeq {(includeNotes ? "" : "AND sender <> 'Note'")}
            ORDER BY seq LIMIT @max;
            """, new { conversationId, afterSeq, max }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMessage()).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Conversation>> ListAsync(ConversationQuery query, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        if (query.States is { Count: > 0 }) where.Add($"state {Sql.AnyOf("@States")}");
        if (query.VisitorId is not null) where.Add("visitor_id = @VisitorId");
        if (query.AgentId is not null) where.Add(Sql.JsonArrayHolds("agents", "@AgentId"));
        var sql = $"SELECT {Columns} FROM conversations {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} " +
                  "ORDER BY COALESCE(queued_at, created_at) LIMIT @Max;";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new
        {
            States = query.States?.Select(s => s.ToString()).ToArray(),
            query.VisitorId,
            query.AgentId,
            query.Max,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToConversation()).ToList();
    }

    /// <inheritdoc />
    public async Task<string?> GetBotContextAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT bot_context FROM conversations WHERE id = @conversationId;", new { conversationId }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task SaveBotContextAsync(string conversationId, string? json, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE conversations SET bot_context = {Sql.Json("@json")} WHERE id = @conversationId;", new { conversationId, json }, cancellationToken: cancellationToken));
    }
}
