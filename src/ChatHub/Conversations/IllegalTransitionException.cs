namespace GovAssistant.ChatHub.Conversations;

/// <summary>A conversation was asked to move between states that are not connected.</summary>
public sealed class IllegalTransitionException(ConversationState from, ConversationState to, string? reason = null)
    : InvalidOperationException(reason ?? $"会话状态不能从 {from} 变为 {to}")
{
    /// <summary>State the conversation was in.</summary>
    public ConversationState From { get; } = from;

    /// <summary>State that was asked for.</summary>
    public ConversationState To { get; } = to;
}
