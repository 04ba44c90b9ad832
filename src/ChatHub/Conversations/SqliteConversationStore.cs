using System.Text.Json;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Conversations and messages in SQLite (WAL mode), one connection per operation. Sequence numbers are assigned
/// inside an IMMEDIATE transaction, so two messages of one conversation never get the same number; several processes
/// sharing the file are kept apart by the version column and by SQLite's own write lock.
/// </summary>
public sealed partial class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    private const string Columns =
        "id, visitor_id AS VisitorId, channel, state, category, department, agents, created_at AS CreatedAt, updated_at AS UpdatedAt, " +
        "queued_at AS QueuedAt, accepted_at AS AcceptedAt, closed_at AS ClosedAt, contact, rating, rating_comment AS RatingComment, version";

    private const string MessageColumns =
        "conversation_id AS ConversationId, seq, sender, sender_id AS SenderId, sender_name AS SenderName, text, at, channel, data";

    /// <inheritdoc />
    public async Task CreateAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO conversations (id, visitor_id, channel, state, category, department, agents, created_at, updated_at,
                queued_at, accepted_at, closed_at, contact, rating, rating_comment, version)
            VALUES (@Id, @VisitorId, @Channel, @State, @Category, @Department, @Agents, @CreatedAt, @UpdatedAt,
                @QueuedAt, @AcceptedAt, @ClosedAt, @Contact, @Rating, @RatingComment, @Version);
            """, Parameters(conversation), cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM conversations WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        return row?.ToConversation();
    }

    /// <inheritdoc />
    public async Task SaveAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE conversations SET state = @State, category = @Category, department = @Department, agents = @Agents,
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
        await using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @ConversationId;", m, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO messages (conversation_id, seq, sender, sender_id, sender_name, text, at, channel, data)
            VALUES (@ConversationId, @Seq, @Sender, @SenderId, @SenderName, @Text, @At, @Channel, @Data);
            """, new { m.ConversationId, Seq = seq, Sender = m.Sender.ToString(), m.SenderId, m.SenderName, m.Text, At = m.At.ToString("O"), m.Channel, m.Data },
            transaction, cancellationToken: cancellationToken));
        if (m.Push)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO outbox (conversation_id, seq, channel, visitor_id, created_at)
                SELECT id, @Seq, channel, visitor_id, @At FROM conversations WHERE id = @ConversationId;
                """, new { m.ConversationId, Seq = seq, At = m.At.ToString("O") }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new ChatMessage(m.ConversationId, seq, m.Sender, m.SenderId, m.SenderName, m.Text, m.At, m.Channel, m.Data);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChatMessage>> GetMessagesAsync(
        string conversationId, long afterSeq, bool includeNotes, int max = 500, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
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
        if (query.States is { Count: > 0 }) where.Add("state IN @States");
        if (query.VisitorId is not null) where.Add("visitor_id = @VisitorId");
        if (query.AgentId is not null) where.Add("EXISTS (SELECT 1 FROM json_each(agents) WHERE json_each.value = @AgentId)");
        var sql = $"SELECT {Columns} FROM conversations {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} " +
                  "ORDER BY COALESCE(queued_at, created_at) LIMIT @Max;";
        await using var connection = database.Open();
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
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT bot_context FROM conversations WHERE id = @conversationId;", new { conversationId }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task SaveBotContextAsync(string conversationId, string? json, CancellationToken cancellationToken = default)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET bot_context = @json WHERE id = @conversationId;", new { conversationId, json }, cancellationToken: cancellationToken));
    }

    private static object Parameters(Conversation c)
    {
        var r = c.ToRecord();
        return new
        {
            r.Id, r.VisitorId, r.Channel, State = r.State.ToString(), r.Category, r.Department,
            Agents = JsonSerializer.Serialize(r.Agents), CreatedAt = r.CreatedAt.ToString("O"), UpdatedAt = r.UpdatedAt.ToString("O"),
            QueuedAt = r.QueuedAt?.ToString("O"), AcceptedAt = r.AcceptedAt?.ToString("O"), ClosedAt = r.ClosedAt?.ToString("O"),
            r.Contact, r.Rating, r.RatingComment, r.Version,
        };
    }

    private sealed record Row(
        string Id, string VisitorId, string Channel, string State, string? Category, string? Department, string Agents,
        string CreatedAt, string UpdatedAt, string? QueuedAt, string? AcceptedAt, string? ClosedAt, string? Contact,
        long? Rating, string? RatingComment, long Version)
    {
        public Conversation ToConversation() => Conversation.Restore(new ConversationRecord(
            Id, VisitorId, Channel, Enum.Parse<ConversationState>(State), Category, Department,
            JsonSerializer.Deserialize<string[]>(Agents) ?? [], DateTimeOffset.Parse(CreatedAt), DateTimeOffset.Parse(UpdatedAt),
            Time(QueuedAt), Time(AcceptedAt), Time(ClosedAt), Contact, (int?)Rating, RatingComment, Version));

        private static DateTimeOffset? Time(string? s) => s is null ? null : DateTimeOffset.Parse(s);
    }

    private sealed record MessageRow(
        string ConversationId, long Seq, string Sender, string? SenderId, string? SenderName, string Text, string At, string Channel, string? Data)
    {
        public ChatMessage ToMessage() => new(
            ConversationId, Seq, Enum.Parse<SenderKind>(Sender), SenderId, SenderName, Text, DateTimeOffset.Parse(At), Channel, Data);
    }
}
