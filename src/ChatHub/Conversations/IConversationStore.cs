using GovAssistant.ChatHub.Insights;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Where conversations, their messages, the bot's context and the channel outbox live: SQLite
/// (<see cref="SqliteConversationStore"/>, the default) or PostgreSQL (<see cref="PostgresConversationStore"/>, shared by
/// several nodes), chosen by <c>Storage:Provider</c>. Tables come from the host migrations (Storage/Migrations).
/// </summary>
public interface IConversationStore
{
    /// <summary>Stores a new conversation.</summary>
    Task CreateAsync(Conversation conversation, CancellationToken cancellationToken = default);

    /// <summary>Loads a conversation, or null.</summary>
    Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the state of an existing conversation if its stored version is still <see cref="Conversation.Version"/>,
    /// and then increments that version.
    /// </summary>
    /// <exception cref="ConversationConflictException">It was saved by someone else since it was read.</exception>
    Task SaveAsync(Conversation conversation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends a message, giving it the next sequence number of its conversation, and returns it as stored. With
    /// <see cref="NewMessage.Push"/>, an outbox row for its channel is written in the same transaction.
    /// </summary>
    Task<ChatMessage> AppendAsync(NewMessage message, CancellationToken cancellationToken = default);

    /// <summary>Messages with a sequence number above <paramref name="afterSeq"/>, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> GetMessagesAsync(string conversationId, long afterSeq, bool includeNotes, int max = 500, CancellationToken cancellationToken = default);

    /// <summary>Conversations matching <paramref name="query"/>, oldest first.</summary>
    Task<IReadOnlyList<Conversation>> ListAsync(ConversationQuery query, CancellationToken cancellationToken = default);

    /// <summary>The bot's context of the conversation as last saved (JSON), or null.</summary>
    Task<string?> GetBotContextAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the bot's context of the conversation (JSON; null clears it).</summary>
    Task SaveBotContextAsync(string conversationId, string? json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> outbox rows of <paramref name="channel"/> for <paramref name="claimant"/> until
    /// <paramref name="until"/>: rows not done and not claimed (or whose claim expired before <paramref name="now"/>), and
    /// only the oldest pending row of each conversation, so one conversation's messages go out in order.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimOutboxAsync(
        string channel, string claimant, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed row done with <paramref name="outcome"/>; false when the claim was lost (expired and taken).</summary>
    Task<bool> CompleteOutboxAsync(long id, string claimant, string outcome, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Conversations for the dashboard: created in the filter's period (or open tickets), with their milestones.</summary>
    Task<IReadOnlyList<ConversationFact>> ListFactsAsync(InsightFilter filter, CancellationToken cancellationToken = default);
}

/// <summary>A message before it is stored (no sequence number yet).</summary>
/// <param name="Push">Also write an outbox row: the channel delivers it to the user by a send of its own (WeChat).</param>
public sealed record NewMessage(
    string ConversationId, SenderKind Sender, string? SenderId, string? SenderName, string Text, DateTimeOffset At, string Channel,
    string? Data = null, bool Push = false);

/// <summary>Filter for <see cref="IConversationStore.ListAsync"/>; null fields match everything.</summary>
public sealed record ConversationQuery(
    IReadOnlyList<ConversationState>? States = null, string? VisitorId = null, string? AgentId = null, int Max = 200);

/// <summary>A claimed outbox row: the stored message to deliver to <paramref name="VisitorId"/> on its channel.</summary>
public sealed record OutboxItem(long Id, string VisitorId, ChatMessage Message);
