namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Where conversations and their messages live. SQLite (<see cref="SqliteConversationStore"/>) by default, in the
/// same database file as the bank; a PostgreSQL implementation is the second one this interface exists for.
/// </summary>
public interface IConversationStore
{
    /// <summary>Stores a new conversation.</summary>
    Task CreateAsync(Conversation conversation, CancellationToken cancellationToken = default);

    /// <summary>Loads a conversation, or null.</summary>
    Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Saves the state of an existing conversation.</summary>
    Task SaveAsync(Conversation conversation, CancellationToken cancellationToken = default);

    /// <summary>Appends a message, giving it the next sequence number of its conversation, and returns it as stored.</summary>
    Task<ChatMessage> AppendAsync(NewMessage message, CancellationToken cancellationToken = default);

    /// <summary>Messages with a sequence number above <paramref name="afterSeq"/>, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> GetMessagesAsync(string conversationId, long afterSeq, bool includeNotes, int max = 500, CancellationToken cancellationToken = default);

    /// <summary>Conversations matching <paramref name="query"/>, oldest first.</summary>
    Task<IReadOnlyList<Conversation>> ListAsync(ConversationQuery query, CancellationToken cancellationToken = default);
}

/// <summary>A message before it is stored (no sequence number yet).</summary>
public sealed record NewMessage(
    string ConversationId, SenderKind Sender, string? SenderId, string? SenderName, string Text, DateTimeOffset At, string Channel, string? Data = null);

/// <summary>Filter for <see cref="IConversationStore.ListAsync"/>; null fields match everything.</summary>
public sealed record ConversationQuery(
    IReadOnlyList<ConversationState>? States = null, string? VisitorId = null, string? AgentId = null, int Max = 200);
