namespace GovAssistant.ChatHub.Hubs;

/// <summary>Events the server sends to agents' connections.</summary>
public interface IAgentClient
{
    /// <summary>A new message in a conversation the agent has open (private notes included).</summary>
    Task Message(MessageView message);

    /// <summary>A conversation the agent can see changed state or agents.</summary>
    Task ConversationChanged(ConversationSummary conversation);

    /// <summary>The queue this agent may take from, longest waiting first.</summary>
    Task QueueChanged(IReadOnlyList<ConversationSummary> queue);

    /// <summary>Routing offers this agent a queued conversation (least loaded of its department); accept with Accept.</summary>
    Task Offered(ConversationSummary conversation);

    /// <summary>The visitor is typing.</summary>
    Task VisitorTyping(string conversationId);
}
