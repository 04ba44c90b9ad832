namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// A conversation between one visitor and the service, on any channel. The state machine lives here, in plain C#:
/// every transition is a method that checks the current state and throws <see cref="IllegalTransitionException"/>
/// naming from and to when the move is not allowed. Only <see cref="ConversationService"/> calls these methods.
/// </summary>
public sealed class Conversation
{
    private readonly List<string> _agents = [];

    /// <summary>Creates a conversation in the <see cref="ConversationState.Bot"/> state.</summary>
    public Conversation(string id, string visitorId, string channel, DateTimeOffset createdAt)
    {
        Id = id;
        VisitorId = visitorId;
        Channel = channel;
        CreatedAt = UpdatedAt = createdAt;
    }

    /// <summary>Identifier (32 hex digits).</summary>
    public string Id { get; }

    /// <summary>The visitor who owns it.</summary>
    public string VisitorId { get; }

    /// <summary>web, wechat, directline or api.</summary>
    public string Channel { get; }

    /// <summary>Current state.</summary>
    public ConversationState State { get; private set; } = ConversationState.Bot;

    /// <summary>Service theme detected by the bot (e.g. 居住证), carried into the queue and shown to agents.</summary>
    public string? Category { get; private set; }

    /// <summary>Department the conversation is routed to.</summary>
    public string? Department { get; private set; }

    /// <summary>Agents in the conversation; the first is the owner, the others were invited.</summary>
    public IReadOnlyList<string> Agents => _agents;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When it last entered the queue.</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>When an agent first accepted it.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Contact details left with a ticket.</summary>
    public string? Contact { get; private set; }

    /// <summary>好差评: 1 (非常不满意) … 5 (非常满意), once closed.</summary>
    public int? Rating { get; private set; }

    /// <summary>Optional comment with the rating.</summary>
    public string? RatingComment { get; private set; }

    /// <summary>
    /// How many times it was saved: the store saves only when the stored version is still the one read, so two nodes
    /// changing one conversation at once cannot both win (<see cref="ConversationConflictException"/>).
    /// </summary>
    public long Version { get; internal set; }

    /// <summary>Bot → Queued when the visitor wants a person; WithAgent → Queued when an agent transfers to a department.</summary>
    public void Enqueue(string? category, string? department, DateTimeOffset at)
    {
        Require(ConversationState.Queued, ConversationState.Bot, ConversationState.WithAgent);
        Category = category ?? Category;
        Department = department;
        _agents.Clear();
        QueuedAt = at;
        Move(ConversationState.Queued, at);
    }

    /// <summary>Queued → WithAgent: <paramref name="agentId"/> takes it.</summary>
    public void Accept(string agentId, DateTimeOffset at)
    {
        Require(ConversationState.WithAgent, ConversationState.Queued);
        _agents.Clear();
        _agents.Add(agentId);
        AcceptedAt ??= at;
        Move(ConversationState.WithAgent, at);
    }

    /// <summary>WithAgent → WithAgent: the owner hands the conversation to another agent directly.</summary>
    public void TransferTo(string agentId, DateTimeOffset at)
    {
        Require(ConversationState.WithAgent, ConversationState.WithAgent);
        _agents.Remove(agentId);
        if (_agents.Count > 0) _agents[0] = agentId;
        else _agents.Add(agentId);
        Move(ConversationState.WithAgent, at);
    }

    /// <summary>WithAgent → WithAgent: a colleague joins the same conversation (several agents, one visitor).</summary>
    public void Invite(string agentId, DateTimeOffset at)
    {
        Require(ConversationState.WithAgent, ConversationState.WithAgent);
        if (!_agents.Contains(agentId)) _agents.Add(agentId);
        Move(ConversationState.WithAgent, at);
    }

    /// <summary>WithAgent → WithAgent: an invited agent leaves (the owner cannot leave; they close or transfer).</summary>
    public void Leave(string agentId, DateTimeOffset at)
    {
        Require(ConversationState.WithAgent, ConversationState.WithAgent);
        if (_agents.Count > 0 && _agents[0] == agentId)
            throw new IllegalTransitionException(State, State, "会话负责人不能退出，请转接或结束会话");
        _agents.Remove(agentId);
        Move(ConversationState.WithAgent, at);
    }

    /// <summary>WithAgent or Queued → Bot: the agents hand the visitor back to the bot.</summary>
    public void HandBack(DateTimeOffset at)
    {
        Require(ConversationState.Bot, ConversationState.WithAgent, ConversationState.Queued);
        _agents.Clear();
        Move(ConversationState.Bot, at);
    }

    /// <summary>
    /// Queued, WithAgent or Ticket, unchanged: an agent corrects the category and department the bot routed it by
    /// (empty values mean 未分类 / 未指定部门).
    /// </summary>
    public void Recategorise(string? category, string? department, DateTimeOffset at)
    {
        if (State is not (ConversationState.Queued or ConversationState.WithAgent or ConversationState.Ticket))
            throw new IllegalTransitionException(State, State, "只有排队中、接待中或留言的会话可以修改分类");
        Category = category;
        Department = department;
        UpdatedAt = at;
    }

    /// <summary>Bot or Queued → Ticket: nobody can take it now; the visitor leaves a message and a contact.</summary>
    public void LeaveTicket(string? contact, DateTimeOffset at)
    {
        Require(ConversationState.Ticket, ConversationState.Bot, ConversationState.Queued);
        Contact = contact;
        _agents.Clear();
        Move(ConversationState.Ticket, at);
    }

    /// <summary>Any open state → Closed.</summary>
    public void Close(DateTimeOffset at)
    {
        Require(ConversationState.Closed, ConversationState.Bot, ConversationState.Queued, ConversationState.WithAgent, ConversationState.Ticket);
        ClosedAt = at;
        Move(ConversationState.Closed, at);
    }

    /// <summary>Closed: the visitor rates the service once (1–5).</summary>
    public void Rate(int rating, string? comment, DateTimeOffset at)
    {
        if (State != ConversationState.Closed) throw new IllegalTransitionException(State, State, "会话结束后才能评价");
        if (Rating is not null) throw new IllegalTransitionException(State, State, "该会话已评价");
        if (rating is < 1 or > 5) throw new ArgumentException("评价应为 1–5 分");
        Rating = rating;
        RatingComment = comment;
        UpdatedAt = at;
    }

    /// <summary>Rebuilds a conversation from storage (no transition checks).</summary>
    internal static Conversation Restore(ConversationRecord r)
    {
        var c = new Conversation(r.Id, r.VisitorId, r.Channel, r.CreatedAt)
        {
            State = r.State,
            Category = r.Category,
            Department = r.Department,
            UpdatedAt = r.UpdatedAt,
            QueuedAt = r.QueuedAt,
            AcceptedAt = r.AcceptedAt,
            ClosedAt = r.ClosedAt,
            Contact = r.Contact,
            Rating = r.Rating,
            RatingComment = r.RatingComment,
            Version = r.Version,
        };
        c._agents.AddRange(r.Agents);
        return c;
    }

    /// <summary>The storable form.</summary>
    internal ConversationRecord ToRecord() => new(
        Id, VisitorId, Channel, State, Category, Department, [.. _agents], CreatedAt, UpdatedAt, QueuedAt, AcceptedAt, ClosedAt,
        Contact, Rating, RatingComment, Version);

    private void Require(ConversationState to, params ConversationState[] allowedFrom)
    {
        if (Array.IndexOf(allowedFrom, State) < 0) throw new IllegalTransitionException(State, to);
    }

    private void Move(ConversationState to, DateTimeOffset at)
    {
        State = to;
        UpdatedAt = at;
    }
}

/// <summary>Storage shape of a <see cref="Conversation"/>.</summary>
internal sealed record ConversationRecord(
    string Id, string VisitorId, string Channel, ConversationState State, string? Category, string? Department,
    IReadOnlyList<string> Agents, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? QueuedAt,
    DateTimeOffset? AcceptedAt, DateTimeOffset? ClosedAt, string? Contact, int? Rating, string? RatingComment, long Version = 0);
