namespace GovAssistant.ChatHub.Conversations;

/// <summary>Who handles a conversation. Transitions are guarded by <see cref="Conversation"/>.</summary>
public enum ConversationState
{
    /// <summary>The bot answers from the bank.</summary>
    Bot,

    /// <summary>Waiting for a human agent.</summary>
    Queued,

    /// <summary>One or more agents are in the conversation.</summary>
    WithAgent,

    /// <summary>Nobody could take it: the visitor left a message to be answered later.</summary>
    Ticket,

    /// <summary>Finished; the visitor may rate it.</summary>
    Closed,
}
