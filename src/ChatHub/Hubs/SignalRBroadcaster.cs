using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Conversations;
using Microsoft.AspNetCore.SignalR;

namespace GovAssistant.ChatHub.Hubs;

/// <summary>
/// Decides who hears each conversation event over SignalR: the visitor's connections get what they may see (no
/// private notes); agents with the conversation open get everything; each online agent gets the queue they may
/// take from. The hubs themselves only subscribe and forward.
/// </summary>
internal sealed class SignalRBroadcaster(
    IHubContext<VisitorHub, IVisitorClient> visitors,
    IHubContext<AgentHub, IAgentClient> agents,
    AgentPresence presence,
    AgentNames names,
    IServiceProvider services) : IConversationObserver
{
    public async Task MessageAddedAsync(Conversation conversation, ChatMessage message)
    {
        if (message.IsVisibleToVisitor) await visitors.Clients.Group(HubGroups.Visitor(conversation.Id)).Message(MessageView.Of(message));
        await agents.Clients.Group(HubGroups.Agents(conversation.Id)).Message(MessageView.ForAgents(message));
    }

    public async Task ConversationChangedAsync(Conversation conversation)
    {
        var summary = ConversationSummary.Of(conversation, names.NameOf);
        await visitors.Clients.Group(HubGroups.Visitor(conversation.Id)).ConversationChanged(summary);
        await agents.Clients.Group(HubGroups.Agents(conversation.Id)).ConversationChanged(summary);
        // Invited or transferred agents hear of it even before they open it.
        foreach (var agentId in conversation.Agents) await agents.Clients.User(agentId).ConversationChanged(summary);
    }

    public Task AgentTypingAsync(Conversation conversation, string agentName) =>
        visitors.Clients.Group(HubGroups.Visitor(conversation.Id)).AgentTyping(conversation.Id, agentName);

    public Task OfferedAsync(Conversation conversation, string agentId) =>
        agents.Clients.User(agentId).Offered(ConversationSummary.Of(conversation, names.NameOf));

    public async Task QueueChangedAsync(IReadOnlyList<Conversation> queue)
    {
        // Resolved lazily: the conversation service depends on this broadcaster.
        var conversations = services.GetRequiredService<ConversationService>();
        foreach (var c in queue)
            await visitors.Clients.Group(HubGroups.Visitor(c.Id)).QueuePosition(c.Id, ConversationService.PositionIn(queue, c));
        foreach (var (agent, _) in presence.Connected())
        {
            var mine = conversations.Takeable(agent, queue);
            await agents.Clients.User(agent.Id).QueueChanged(mine.Select(c => ConversationSummary.Of(c, names.NameOf)).ToList());
        }
    }
}
