namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// The store refused a save because the conversation changed since it was read (another node or agent saved first).
/// <see cref="ConversationService"/> turns it into the Chinese message the agent sees.
/// </summary>
public sealed class ConversationConflictException(string conversationId)
    : InvalidOperationException($"会话 {conversationId} 已被其他操作更新")
{
    /// <summary>The conversation that changed meanwhile.</summary>
    public string ConversationId { get; } = conversationId;
}
