namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Hears what happens in conversations, after it is persisted: the SignalR broadcaster, and later the WeChat and
/// Direct Line adapters, each decide who hears each event on their channel.
/// </summary>
public interface IConversationObserver
{
    /// <summary>A message was stored.</summary>
    Task MessageAddedAsync(Conversation conversation, ChatMessage message);

    /// <summary>The conversation changed state or participants.</summary>
    Task ConversationChangedAsync(Conversation conversation);

    /// <summary>Routing offers a queued conversation to the agent best placed to take it.</summary>
    Task OfferedAsync(Conversation conversation, string agentId);

    /// <summary>The queue changed (someone joined or left it), so positions may have moved.</summary>
    Task QueueChangedAsync(IReadOnlyList<Conversation> queue);

    /// <summary>An agent is typing in the conversation (nothing is stored); channels that can show it tell the visitor.</summary>
    Task AgentTypingAsync(Conversation conversation, string agentName) => Task.CompletedTask;

    /// <summary>
    /// True when this observer's channel delivers messages from <paramref name="sender"/> in <paramref name="conversation"/>
    /// by a send of its own (WeChat's customer-service API): the message is then stored with an outbox row in the same
    /// write, and a sender delivers the row even after a crash.
    /// </summary>
    bool PushesThroughOutbox(Conversation conversation, SenderKind sender) => false;
}
