using GovAssistant.ChatHub.Agents;

namespace GovAssistant.ChatHub.Conversations;

public sealed partial class ConversationService
{
    /// <summary>
    /// Queued conversations this agent may take, longest waiting first: those of the agent's departments, and
    /// any department's once they have waited longer than the configured fallback. Supervisors see all.
    /// </summary>
    public async Task<IReadOnlyList<Conversation>> QueueForAsync(AgentProfile agent, CancellationToken ct = default)
    {
        var queue = await store.ListAsync(new ConversationQuery([ConversationState.Queued], Max: 10_000), ct);
        return Takeable(agent, queue);
    }

    /// <summary>The conversations of <paramref name="queue"/> that <paramref name="agent"/> may take now.</summary>
    public IReadOnlyList<Conversation> Takeable(AgentProfile agent, IEnumerable<Conversation> queue)
    {
        var now = time.GetUtcNow();
        return queue.Where(c => MayTake(agent, c, now)).ToList();
    }

    /// <summary>Conversations the agent is in, or that a supervisor watches (open ones).</summary>
    public Task<IReadOnlyList<Conversation>> ActiveForAsync(AgentProfile agent, CancellationToken ct = default) =>
        store.ListAsync(agent.SeesAll
            ? new ConversationQuery([ConversationState.WithAgent])
            : new ConversationQuery([ConversationState.WithAgent], AgentId: agent.Id), ct);

    /// <summary>Tickets (left messages) the agent may answer.</summary>
    public async Task<IReadOnlyList<Conversation>> TicketsForAsync(AgentProfile agent, CancellationToken ct = default)
    {
        var tickets = await store.ListAsync(new ConversationQuery([ConversationState.Ticket]), ct);
        return tickets.Where(t => agent.SeesAll || t.Department is null || agent.Serves(t.Department)).ToList();
    }

    /// <summary>A conversation the agent may see, with every message including private notes.</summary>
    public async Task<(Conversation Conversation, IReadOnlyList<ChatMessage> Messages)> OpenForAgentAsync(
        string conversationId, AgentProfile agent, long afterSeq = 0, CancellationToken ct = default)
    {
        var c = await GetForAgentAsync(conversationId, agent, ct);
        return (c, await store.GetMessagesAsync(conversationId, afterSeq, includeNotes: true, cancellationToken: ct));
    }

    /// <summary>The agent is typing: observers tell the visitor on their channel (nothing is stored).</summary>
    public async Task AgentTypingAsync(string conversationId, AgentProfile agent, CancellationToken ct = default)
    {
        var c = await GetForAgentAsync(conversationId, agent, ct);
        await BroadcastAsync(o => o.AgentTypingAsync(c, agent.Name));
    }

    /// <summary>The agent takes a queued conversation (manual pick or "accept next").</summary>
    public Task<Conversation> AcceptAsync(string conversationId, AgentProfile agent, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await store.GetAsync(conversationId, ct) ?? throw new ConversationAccessException();
            // A colleague was quicker (on this node or another): said plainly to an agent who could have taken it.
            if (c.State == ConversationState.WithAgent && !c.Agents.Contains(agent.Id) && (agent.SeesAll || c.Department is null || agent.Serves(c.Department)))
                throw new IllegalTransitionException(c.State, ConversationState.WithAgent, TakenByColleague);
            // Permission before state: an agent who may neither take nor see it learns nothing of its state.
            if (!MayTake(agent, c, time.GetUtcNow()) && !MaySee(agent, c)) throw new ConversationAccessException();
            var load = (await store.ListAsync(new ConversationQuery([ConversationState.WithAgent], AgentId: agent.Id), ct)).Count;
            if (load >= agent.Capacity && c.State == ConversationState.Queued)
                throw new IllegalTransitionException(c.State, ConversationState.WithAgent, $"您正在接待 {load} 个会话，已达上限 {agent.Capacity}");
            c.Accept(agent.Id, time.GetUtcNow());
            // Another node's agent may have accepted it since it was read: the version column lets one of them win.
            await SaveAsync(c, ct, conflict: TakenByColleague);
            await AddAsync(c, SenderKind.System, null, SystemName, $"人工客服 {agent.Name} 为您服务。", new { type = "accepted", agent = agent.Name }, ct);
            await NotifyQueueAsync(ct);
            return c;
        });

    /// <summary>What an agent who lost the race for a queued conversation is told.</summary>
    internal const string TakenByColleague = "该会话已被其他坐席接入";

    /// <summary>The longest-waiting conversation this agent may take, accepted; null when the queue is empty.</summary>
    public async Task<Conversation?> AcceptNextAsync(AgentProfile agent, CancellationToken ct = default)
    {
        foreach (var c in await QueueForAsync(agent, ct))
        {
            try
            {
                return await AcceptAsync(c.Id, agent, ct);
            }
            catch (Exception e) when (e is IllegalTransitionException or ConversationAccessException)
            {
                // Taken by a colleague meanwhile (no longer ours to see): try the next one.
            }
        }
        return null;
    }

    /// <summary>An agent in the conversation writes to the visitor.</summary>
    public Task<ChatMessage> AgentSaysAsync(string conversationId, AgentProfile agent, string text, CancellationToken ct = default)
    {
        text = CheckText(text);
        return WithLockAsync(conversationId, async () =>
        {
            var c = await GetForAgentAsync(conversationId, agent, ct);
            if (c.State == ConversationState.Ticket)
            {
                // Answering a ticket: the reply is stored and the ticket closes; the visitor reads it on return.
                var reply = await AddAsync(c, SenderKind.Agent, agent.Id, agent.Name, text, new { type = "ticketReply" }, ct);
                await CloseAsync(c, "工作人员已答复您的留言。", ct);
                return reply;
            }
            if (c.State != ConversationState.WithAgent || !c.Agents.Contains(agent.Id))
                throw new IllegalTransitionException(c.State, c.State, "请先接入该会话");
            return await AddAsync(c, SenderKind.Agent, agent.Id, agent.Name, text, ct: ct);
        });
    }

    /// <summary>A private note for colleagues; never shown to the visitor.</summary>
    public Task<ChatMessage> NoteAsync(string conversationId, AgentProfile agent, string text, CancellationToken ct = default)
    {
        text = CheckText(text);
        return WithLockAsync(conversationId, async () =>
        {
            var c = await GetForAgentAsync(conversationId, agent, ct);
            return await AddAsync(c, SenderKind.Note, agent.Id, agent.Name, text, ct: ct);
        });
    }

    /// <summary>The owner hands the conversation to another agent.</summary>
    public Task TransferToAgentAsync(string conversationId, AgentProfile agent, AgentProfile target, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForAgentAsync(conversationId, agent, ct);
            c.TransferTo(target.Id, time.GetUtcNow());
            await SaveAsync(c, ct);
            await AddAsync(c, SenderKind.System, null, SystemName, $"已为您转接人工客服 {target.Name}。", new { type = "transferred", agent = target.Name }, ct);
            return 0;
        });

    /// <summary>The owner sends the conversation back to the queue of another department.</summary>
    public Task TransferToDepartmentAsync(string conversationId, AgentProfile agent, string department, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForAgentAsync(conversationId, agent, ct);
            c.Enqueue(null, department, time.GetUtcNow());
            await SaveAsync(c, ct);
            var ahead = await QueuePositionAsync(c, ct);
            await AddAsync(c, SenderKind.System, null, SystemName, $"正在为您转接{department}的工作人员，您前面还有 {ahead} 位。",
                new { type = "queued", position = ahead, department }, ct);
            await NotifyQueueAsync(ct);
            await OfferAsync(c, ct);
            return 0;
        });

    /// <summary>
    /// Offers a queued conversation to the online agent of its department with the most free capacity (least loaded
    /// first); nobody is offered it when all are full, and it waits in the queue for a manual pick. With
    /// <paramref name="anyDepartment"/> (the wait passed the fallback), agents of other departments are candidates
    /// when none of its own is online.
    /// </summary>
    private async Task OfferAsync(Conversation c, CancellationToken ct, bool anyDepartment = false)
    {
        var candidates = presence.Available().Where(a => a.Serves(c.Department) || c.Department is null).ToList();
        if (candidates.Count == 0 && anyDepartment) candidates = [.. presence.Available()];
        if (candidates.Count == 0) return;
        var active = await store.ListAsync(new ConversationQuery([ConversationState.WithAgent], Max: 10_000), ct);
        var best = candidates
            .Select(a => (Agent: a, Load: active.Count(x => x.Agents.Contains(a.Id))))
            .Where(x => x.Load < x.Agent.Capacity)
            .OrderBy(x => x.Load)
            .ThenBy(x => x.Agent.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Agent is null) return;
        await BroadcastAsync(o => o.OfferedAsync(c, best.Agent.Id));
    }

    /// <summary>Brings a colleague (often of another department) into the same conversation.</summary>
    public Task InviteAsync(string conversationId, AgentProfile agent, AgentProfile colleague, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForAgentAsync(conversationId, agent, ct);
            c.Invite(colleague.Id, time.GetUtcNow());
            await SaveAsync(c, ct);
            await AddAsync(c, SenderKind.System, null, SystemName, $"{colleague.Name} 已加入会话，共同为您解答。", new { type = "invited", agent = colleague.Name }, ct);
            return 0;
        });

    /// <summary>The agents hand the visitor back to the bot.</summary>
    public Task HandBackAsync(string conversationId, AgentProfile agent, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForAgentAsync(conversationId, agent, ct);
            var wasQueued = c.State == ConversationState.Queued;
            c.HandBack(time.GetUtcNow());
            await SaveAsync(c, ct);
            await AddAsync(c, SenderKind.System, null, SystemName, "人工客服已结束接待，您可以继续向智能助手提问。", new { type = "handedBack" }, ct);
            if (wasQueued) await NotifyQueueAsync(ct);
            return 0;
        });

    /// <summary>An agent in the conversation ends it.</summary>
    public Task AgentClosesAsync(string conversationId, AgentProfile agent, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForAgentAsync(conversationId, agent, ct);
            await CloseAsync(c, "本次人工服务已结束。", ct);
            return 0;
        });

    private async Task<Conversation> GetForAgentAsync(string conversationId, AgentProfile agent, CancellationToken ct)
    {
        var c = await store.GetAsync(conversationId, ct) ?? throw new ConversationAccessException();
        return MaySee(agent, c) ? c : throw new ConversationAccessException();
    }

    private static bool MaySee(AgentProfile agent, Conversation c) =>
        agent.SeesAll
        || c.Agents.Contains(agent.Id)
        || (c.State is ConversationState.Queued or ConversationState.Ticket && (c.Department is null || agent.Serves(c.Department)));

    private bool MayTake(AgentProfile agent, Conversation c, DateTimeOffset now) =>
        c.State == ConversationState.Queued
        && (agent.SeesAll || c.Department is null || agent.Serves(c.Department)
            || now - (c.QueuedAt ?? now) >= _options.AnyDepartmentAfter);
}
