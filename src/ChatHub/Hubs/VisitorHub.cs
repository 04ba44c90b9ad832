using System.Security.Claims;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Visitors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GovAssistant.ChatHub.Hubs;

/// <summary>
/// The visitor's real-time channel (docs/protocol.md). Thin: identifies the visitor from their token, joins the
/// conversation's group and forwards to <see cref="ConversationService"/>, which checks ownership.
/// </summary>
[Authorize(Policy = VisitorAuthentication.Policy)]
public sealed class VisitorHub(ConversationService conversations, AgentNames names, IHubContext<AgentHub, IAgentClient> agents) : Hub<IVisitorClient>
{
    private string VisitorId => Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Resumes the visitor's latest open conversation, or starts one.</summary>
    public async Task<ConversationView> Start()
    {
        var open = (await conversations.ListForVisitorAsync(VisitorId)).LastOrDefault(c => c.State != ConversationState.Closed);
        var conversation = open ?? await conversations.StartAsync(VisitorId, "web");
        return await JoinAsync(conversation.Id, 0);
    }

    /// <summary>Rejoins a conversation after a reconnect and returns the messages after <paramref name="afterSeq"/>.</summary>
    public Task<ConversationView> Resume(string conversationId, long afterSeq) => JoinAsync(conversationId, Math.Max(0, afterSeq));

    /// <summary>Sends a message.</summary>
    public Task Send(string conversationId, string text) => conversations.VisitorSaysAsync(conversationId, VisitorId, text);

    /// <summary>Asks for a person ("转人工").</summary>
    public Task RequestHuman(string conversationId) => conversations.RequestHumanAsync(conversationId, VisitorId);

    /// <summary>Leaves a message with contact details when nobody is available.</summary>
    public Task LeaveMessage(string conversationId, string text, string? contact) =>
        conversations.LeaveMessageAsync(conversationId, VisitorId, text, contact);

    /// <summary>👍/👎 on a bot answer.</summary>
    public Task Feedback(string conversationId, long seq, bool helpful) => conversations.FeedbackAsync(conversationId, VisitorId, seq, helpful);

    /// <summary>Ends the conversation.</summary>
    public Task Close(string conversationId) => conversations.VisitorClosesAsync(conversationId, VisitorId);

    /// <summary>Rates the service after closing (1–5).</summary>
    public Task Rate(string conversationId, int rating, string? comment) => conversations.RateAsync(conversationId, VisitorId, rating, comment);

    /// <summary>Tells the agents in the conversation that the visitor is typing.</summary>
    public async Task Typing(string conversationId)
    {
        await conversations.GetForVisitorAsync(conversationId, VisitorId);
        await agents.Clients.Group(HubGroups.Agents(conversationId)).VisitorTyping(conversationId);
    }

    private async Task<ConversationView> JoinAsync(string conversationId, long afterSeq)
    {
        var conversation = await conversations.GetForVisitorAsync(conversationId, VisitorId);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Visitor(conversationId));
        var messages = await conversations.HistoryForVisitorAsync(conversationId, VisitorId, afterSeq);
        int? position = conversation.State == ConversationState.Queued ? await conversations.QueuePositionAsync(conversation) : null;
        return new ConversationView(ConversationSummary.Of(conversation, names.NameOf), messages.Select(MessageView.Of).ToList(), position);
    }
}
