using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// Hears the conversation service and hands each new message of a Direct Line conversation to its open WebSocket
/// streams (which leave private notes out), and agents' typing. State changes reach the user as the notices the
/// service stores.
/// </summary>
internal sealed class DirectLineBroadcaster(DirectLineStreams streams) : IConversationObserver
{
    public Task MessageAddedAsync(Conversation conversation, ChatMessage message)
    {
        if (conversation.Channel == DirectLineChannel.Name && message.IsVisibleToVisitor) streams.Publish(message);
        return Task.CompletedTask;
    }

    public Task AgentTypingAsync(Conversation conversation, string agentName)
    {
        if (conversation.Channel == DirectLineChannel.Name) streams.PublishTyping(conversation.Id, agentName);
        return Task.CompletedTask;
    }

    public Task ConversationChangedAsync(Conversation conversation) => Task.CompletedTask;

    public Task OfferedAsync(Conversation conversation, string agentId) => Task.CompletedTask;

    public Task QueueChangedAsync(IReadOnlyList<Conversation> queue) => Task.CompletedTask;
}
