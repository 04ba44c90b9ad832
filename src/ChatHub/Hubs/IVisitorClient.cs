namespace GovAssistant.ChatHub.Hubs;

/// <summary>Events the server sends to a visitor's connections.</summary>
public interface IVisitorClient
{
    /// <summary>A new message the visitor may see.</summary>
    Task Message(MessageView message);

    /// <summary>The conversation changed state or agents.</summary>
    Task ConversationChanged(ConversationSummary conversation);

    /// <summary>How many conversations are ahead in the queue.</summary>
    Task QueuePosition(string conversationId, int position);

    /// <summary>An agent is typing.</summary>
    Task AgentTyping(string conversationId, string agentName);
}
