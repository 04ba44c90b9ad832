using System.Text.Json;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Conversations and messages in PostgreSQL, shared by every node. Sequence numbers are assigned under a transaction-
/// scoped advisory lock per conversation (two nodes appending at once never collide); transitions save only when the
/// version read is still current.
/// </summary>
public sealed partial class PostgresConversationStore(PostgresDatabase database) : IConversationStore
{
    private const string Columns =
        "id, visitor_id AS VisitorId, channel, state, category, department, agents::text AS Agents, created_at AS CreatedAt, updated_at AS UpdatedAt, " +
        "queued_at AS QueuedAt, accepted_at AS AcceptedAt, closed_at AS ClosedAt, contact, rating, rating_comment AS RatingComment, version";

    private const string MessageColumns =
        "conversation_id AS ConversationId, seq, sender, sender_id AS SenderId, sender_name AS SenderName, text, at, channel, data";

    /// <inheritdoc />
    public async Task CreateAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO conversations (id, visitor_id, channel, state, category, department, agents, created_at, updated_at,
                queued_at, accepted_at, closed_at, contact, rating, rating_comment, version)
            VALUES (@Id, @VisitorId, @Channel, @State, @Category, @Department, CAST(@Agents AS jsonb), @CreatedAt, @UpdatedAt,
                @QueuedAt, @AcceptedAt, @ClosedAt, @Contact, @Rating, @RatingComment, @Version);
            """, Parameters(conversation), cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM conversations WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        return row?.ToConversation();
    }

    /// <inheritdoc />
    public async Task SaveAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE conversations SET state = @State, category = @Category, department = @Department, agents = CAST(@Agents AS jsonb),
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended(@ConversationId, 0));", new { m.ConversationId }, transaction, cancellationToken: cancellationToken));
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @ConversationId;", new { m.ConversationId }, transaction, cancellationToken: cancellationToken));
        var at = m.At.ToUniversalTime();
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
        await using var connection = await database.OpenAsync(cancellationToken);
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
        if (query.States is { Count: > 0 }) where.Add("state = ANY(@States)");
        if (query.VisitorId is not null) where.Add("visitor_id = @VisitorId");
        if (query.AgentId is not null) where.Add("agents @> jsonb_build_array(CAST(@AgentId AS text))");
        var sql = $"SELECT {Columns} FROM conversations {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} " +
                  "ORDER BY COALESCE(queued_at, created_at) LIMIT @Max;";
        await using var connection = await database.OpenAsync(cancellationToken);
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
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT bot_context::text FROM conversations WHERE id = @conversationId;", new { conversationId }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task SaveBotContextAsync(string conversationId, string? json, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET bot_context = CAST(@json AS jsonb) WHERE id = @conversationId;", new { conversationId, json }, cancellationToken: cancellationToken));
    }

    private static object Parameters(Conversation c)
    {
        var r = c.ToRecord();
        return new
        {
            r.Id, r.VisitorId, r.Channel, State = r.State.ToString(), r.Category, r.Department,
            Agents = JsonSerializer.Serialize(r.Agents), CreatedAt = r.CreatedAt.ToUniversalTime(), UpdatedAt = r.UpdatedAt.ToUniversalTime(),
            QueuedAt = r.QueuedAt?.ToUniversalTime(), AcceptedAt = r.AcceptedAt?.ToUniversalTime(), ClosedAt = r.ClosedAt?.ToUniversalTime(),
            r.Contact, r.Rating, r.RatingComment, r.Version,
        };
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? t) => t is null ? null : Utc(t.Value);

    private sealed record Row(
        string Id, string VisitorId, string Channel, string State, string? Category, string? Department, string Agents,
        DateTime CreatedAt, DateTime UpdatedAt, DateTime? QueuedAt, DateTime? AcceptedAt, DateTime? ClosedAt, string? Contact,
        int? Rating, string? RatingComment, long Version)
    {
        public Conversation ToConversation() => Conversation.Restore(new ConversationRecord(
            Id, VisitorId, Channel, Enum.Parse<ConversationState>(State), Category, Department,
            JsonSerializer.Deserialize<string[]>(Agents) ?? [], Utc(CreatedAt), Utc(UpdatedAt),
            Utc(QueuedAt), Utc(AcceptedAt), Utc(ClosedAt), Contact, Rating, RatingComment, Version));
    }

    private sealed record MessageRow(
        string ConversationId, long Seq, string Sender, string? SenderId, string? SenderName, string Text, DateTime At, string Channel, string? Data)
    {
        public ChatMessage ToMessage() => new(
            ConversationId, Seq, Enum.Parse<SenderKind>(Sender), SenderId, SenderName, Text, Utc(At), Channel, Data);
    }
}
