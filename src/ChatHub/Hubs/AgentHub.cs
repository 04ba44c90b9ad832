using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.QaEngine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace GovAssistant.ChatHub.Hubs;

/// <summary>
/// The agents' real-time channel (docs/protocol.md). Thin: the signed-in agent's profile comes from their cookie,
/// presence is tracked per connection, and every action goes to <see cref="ConversationService"/>, which checks
/// that the agent may act on the conversation.
/// </summary>
[Authorize(Policy = AgentAuth.AgentPolicy)]
public sealed class AgentHub(
    ConversationService conversations,
    AgentPresence presence,
    AgentNames names,
    AnswerEngine engine,
    AuditLog audit) : Hub<IAgentClient>
{
    private AgentProfile Me => AgentAuth.ProfileOf(Context.User!);

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        presence.Connect(Me, Context.ConnectionId);
        names.Remember(Me);
        await base.OnConnectedAsync();
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnect(Me.Id, Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The agent's home: profile, status, queue, active conversations and tickets.</summary>
    public async Task<AgentHome> Hello()
    {
        var me = Me;
        var active = await conversations.ActiveForAsync(me);
        foreach (var c in active) await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agents(c.Id));
        return new AgentHome(
            new AgentRef(me.Id, me.Name), me.Departments, me.Roles, me.Capacity,
            (presence.StatusOf(me.Id) ?? PresenceStatus.Online).ToString().ToLowerInvariant(),
            Summaries(await conversations.QueueForAsync(me)), Summaries(active), Summaries(await conversations.TicketsForAsync(me)));
    }

    /// <summary>online / busy / away.</summary>
    public void SetStatus(string status)
    {
        if (!Enum.TryParse<PresenceStatus>(status, ignoreCase: true, out var parsed)) throw new HubException("状态应为 online、busy 或 away");
        presence.SetStatus(Me.Id, parsed);
    }

    /// <summary>Opens a conversation: the whole transcript (bot turns and notes included) and its future messages.</summary>
    public async Task<ConversationView> Open(string conversationId, long afterSeq)
    {
        var (c, messages) = await conversations.OpenForAgentAsync(conversationId, Me, Math.Max(0, afterSeq));
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agents(conversationId));
        return new ConversationView(ConversationSummary.Of(c, names.NameOf), messages.Select(MessageView.ForAgents).ToList(), null);
    }

    /// <summary>
    /// The last visitor message (masked as in the transcript) of a conversation the agent may see, for the queue's
    /// preview line; null when the visitor has written nothing yet. Does not subscribe to the conversation.
    /// </summary>
    public async Task<MessageView?> Preview(string conversationId)
    {
        var (_, messages) = await conversations.OpenForAgentAsync(conversationId, Me);
        return messages.LastOrDefault(m => m.Sender == SenderKind.Visitor) is { } last ? MessageView.ForAgents(last) : null;
    }

    /// <summary>
    /// The original text of a visitor's message shown masked, for an agent who may see the conversation; every reveal
    /// is recorded in the audit log (<c>transcript.reveal</c>).
    /// </summary>
    public async Task<string> Reveal(string conversationId, long seq)
    {
        var (_, messages) = await conversations.OpenForAgentAsync(conversationId, Me, Math.Max(0, seq - 1));
        var message = messages.FirstOrDefault(m => m.Seq == seq && m.Sender == SenderKind.Visitor)
            ?? throw new HubException("找不到该访客消息");
        await audit.RecordAsync(Me.Id, "transcript.reveal", conversationId, $"消息 {seq}");
        return message.Text;
    }

    /// <summary>Takes a queued conversation.</summary>
    public async Task<ConversationSummary> Accept(string conversationId)
    {
        var c = await conversations.AcceptAsync(conversationId, Me);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agents(conversationId));
        return ConversationSummary.Of(c, names.NameOf);
    }

    /// <summary>Takes the longest-waiting conversation this agent may take.</summary>
    public async Task<ConversationSummary?> AcceptNext()
    {
        var c = await conversations.AcceptNextAsync(Me);
        if (c is null) return null;
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agents(c.Id));
        return ConversationSummary.Of(c, names.NameOf);
    }

    /// <summary>Replies to the visitor (or answers a ticket).</summary>
    public Task Send(string conversationId, string text) => conversations.AgentSaysAsync(conversationId, Me, text);

    /// <summary>Writes a private note for colleagues.</summary>
    public Task Note(string conversationId, string text) => conversations.NoteAsync(conversationId, Me, text);

    /// <summary>Tells the visitor an agent is typing.</summary>
    public Task Typing(string conversationId) => conversations.AgentTypingAsync(conversationId, Me);

    /// <summary>Hands the conversation to another online agent.</summary>
    public Task TransferToAgent(string conversationId, string agentId) =>
        conversations.TransferToAgentAsync(conversationId, Me, Colleague(agentId));

    /// <summary>Sends the conversation to another department's queue.</summary>
    public Task TransferToDepartment(string conversationId, string department)
    {
        if (string.IsNullOrWhiteSpace(department) || department.Length > 64) throw new HubException("请选择要转接的部门");
        return conversations.TransferToDepartmentAsync(conversationId, Me, department.Trim());
    }

    /// <summary>
    /// Corrects the category and department the conversation was routed by (empty = 未分类 / 未指定部门); recorded in
    /// the audit log (<c>conversation.recategorise</c>).
    /// </summary>
    public async Task<ConversationSummary> Recategorise(string conversationId, string? category, string? department)
    {
        category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (category is null && department is null) throw new HubException("请填写分类或部门");
        if (category is { Length: > 32 } || department is { Length: > 64 }) throw new HubException("分类最多 32 个字，部门最多 64 个字");
        var (c, fromCategory, fromDepartment) = await conversations.RecategoriseAsync(conversationId, Me, category, department);
        await audit.RecordAsync(Me.Id, "conversation.recategorise", conversationId,
            $"from={fromCategory ?? "-"}/{fromDepartment ?? "-"}; to={category ?? "-"}/{department ?? "-"}");
        return ConversationSummary.Of(c, names.NameOf);
    }

    /// <summary>Invites an online colleague into the same conversation.</summary>
    public Task Invite(string conversationId, string agentId) => conversations.InviteAsync(conversationId, Me, Colleague(agentId));

    /// <summary>Hands the visitor back to the bot.</summary>
    public Task HandBack(string conversationId) => conversations.HandBackAsync(conversationId, Me);

    /// <summary>Ends the conversation.</summary>
    public Task Close(string conversationId) => conversations.AgentClosesAsync(conversationId, Me);

    /// <summary>Bank entries that may answer the visitor's last message, for one-click insertion.</summary>
    public async Task<IReadOnlyList<Suggestion>> Suggest(string conversationId)
    {
        var (_, messages) = await conversations.OpenForAgentAsync(conversationId, Me);
        var last = messages.LastOrDefault(m => m.Sender == SenderKind.Visitor);
        if (last is null) return [];
        return engine.Suggest(last.Text, 5)
            .Select(c => engine.FindEntry(c.Id) is { } e ? new Suggestion(e.Id, e.Question, e.Answer, c.Score) : null)
            .OfType<Suggestion>()
            .ToList();
    }

    /// <summary>Colleagues online now, for transfer and invitation.</summary>
    public IReadOnlyList<ColleagueView> Colleagues() =>
        presence.Connected()
            .Where(a => a.Agent.Id != Me.Id)
            .Select(a => new ColleagueView(a.Agent.Id, a.Agent.Name, a.Agent.Departments, a.Status.ToString().ToLowerInvariant()))
            .ToList();

    private AgentProfile Colleague(string agentId) =>
        presence.Find(agentId) ?? throw new HubException("该同事当前不在线");

    private List<ConversationSummary> Summaries(IEnumerable<Conversation> list) => list.Select(c => ConversationSummary.Of(c, names.NameOf)).ToList();
}

/// <summary>What an agent sees on sign-in.</summary>
public sealed record AgentHome(
    AgentRef Me, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, int Capacity, string Status,
    IReadOnlyList<ConversationSummary> Queue, IReadOnlyList<ConversationSummary> Active, IReadOnlyList<ConversationSummary> Tickets);

/// <summary>A bank entry suggested to an agent.</summary>
public sealed record Suggestion(string Id, string Question, string Answer, double Score);

/// <summary>An online colleague.</summary>
public sealed record ColleagueView(string Id, string Name, IReadOnlyList<string> Departments, string Status);
