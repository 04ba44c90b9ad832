using System.Text.Json;
using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Assist;
using GovAssistant.ChatHub.Insights;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Text;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// The one owner of conversation transitions. Hubs, the REST API and channel adapters call it; it checks who may
/// do what, persists every message before anyone hears of it, runs the bot while the conversation is in the
/// <see cref="ConversationState.Bot"/> state, escalates to the queue, and tells the observers.
/// </summary>
public sealed partial class ConversationService(
    IConversationStore store,
    AnswerEngine engine,
    ConversationContexts contexts,
    AgentPresence presence,
    IEnumerable<IConversationObserver> observers,
    QuestionLog questions,
    QuestionRewriter rewriter,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<ConversationService> logger)
{
    internal const string BotName = "智能助手";
    internal const string SystemName = "系统";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly ConversationOptions _options = options.Value;

    /// <summary>Starts a conversation for a visitor on a channel, greeted by the bot.</summary>
    public async Task<Conversation> StartAsync(string visitorId, string channel, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var conversation = new Conversation(ConversationIds.New(), visitorId, channel, now);
        await store.CreateAsync(conversation, ct);
        await AddAsync(conversation, SenderKind.Bot, null, BotName,
            "您好！我是政务服务智能助手，请直接输入您要办理或咨询的事项。需要人工服务请点击“转人工”。", ct: ct);
        return conversation;
    }

    /// <summary>A conversation of this visitor; throws when it is someone else's.</summary>
    public async Task<Conversation> GetForVisitorAsync(string conversationId, string visitorId, CancellationToken ct = default)
    {
        var c = await store.GetAsync(conversationId, ct);
        return c is not null && c.VisitorId == visitorId ? c : throw new ConversationAccessException();
    }

    /// <summary>The visitor's open conversations (not closed), newest last.</summary>
    public Task<IReadOnlyList<Conversation>> ListForVisitorAsync(string visitorId, CancellationToken ct = default) =>
        store.ListAsync(new ConversationQuery(VisitorId: visitorId), ct);

    /// <summary>Messages after <paramref name="afterSeq"/> that the visitor may see (no private notes).</summary>
    public async Task<IReadOnlyList<ChatMessage>> HistoryForVisitorAsync(string conversationId, string visitorId, long afterSeq, CancellationToken ct = default)
    {
        await GetForVisitorAsync(conversationId, visitorId, ct);
        return await store.GetMessagesAsync(conversationId, afterSeq, includeNotes: false, cancellationToken: ct);
    }

    /// <summary>
    /// The visitor writes. The message is stored (with <paramref name="channelData"/>, for channels whose clients need
    /// their own ids back, like Direct Line's <c>clientActivityID</c>); in the Bot state the bot answers (and escalates
    /// on a request for a person, on repeated misses, or on a new question after a 👎); otherwise the agents see it.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> VisitorSaysAsync(
        string conversationId, string visitorId, string text, CancellationToken ct = default, object? channelData = null)
    {
        text = CheckText(text);
        return await WithLockAsync(conversationId, async () =>
        {
            var c = await GetForVisitorAsync(conversationId, visitorId, ct);
            if (c.State == ConversationState.Closed) throw new IllegalTransitionException(c.State, c.State, "会话已结束，请开始新的咨询");
            var added = new List<ChatMessage> { await AddAsync(c, SenderKind.Visitor, visitorId, "访客", text, channelData, ct) };
            if (c.State == ConversationState.Bot) added.AddRange(await BotTurnAsync(c, text, ct));
            return added;
        });
    }

    /// <summary>The visitor clicks "转人工".</summary>
    public Task RequestHumanAsync(string conversationId, string visitorId, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForVisitorAsync(conversationId, visitorId, ct);
            if (c.State != ConversationState.Bot) return 0;
            await contexts.LoadAsync(conversationId, ct);
            var (category, department) = contexts.HandoffTopic(conversationId);
            await EscalateAsync(c, category, department, ct);
            return 0;
        });

    /// <summary>The visitor rates a bot answer 👍/👎; a 👎 followed by a new question brings a person in.</summary>
    public async Task FeedbackAsync(string conversationId, string visitorId, long seq, bool helpful, CancellationToken ct = default)
    {
        var c = await GetForVisitorAsync(conversationId, visitorId, ct);
        await WithLockAsync(c.Id, async () =>
        {
            await contexts.LoadAsync(c.Id, ct);
            contexts.SetThumbsDown(c.Id, !helpful);
            await contexts.SaveAsync(c.Id, ct);
            return 0;
        });
        logger.LogInformation("Answer feedback on conversation {Conversation} message {Seq}: {Helpful}", c.Id, seq, helpful);
        await questions.RecordFeedbackAsync(c.Id, seq, helpful);
    }

    /// <summary>Nobody could take the chat: the visitor leaves a message and a contact; agents answer the ticket later.</summary>
    public Task LeaveMessageAsync(string conversationId, string visitorId, string text, string? contact, CancellationToken ct = default)
    {
        text = CheckText(text);
        if (contact is { Length: > 100 }) throw new ArgumentException("联系方式过长（最多 100 个字）");
        return WithLockAsync(conversationId, async () =>
        {
            var c = await GetForVisitorAsync(conversationId, visitorId, ct);
            var wasQueued = c.State == ConversationState.Queued;
            if (c.State != ConversationState.Ticket)
            {
                c.LeaveTicket(contact, time.GetUtcNow());
                await SaveAsync(c, ct);
            }
            // A visitor who gave up waiting leaves the queue: agents' queues and others' positions change.
            if (wasQueued) await NotifyQueueAsync(ct);
            await AddAsync(c, SenderKind.Visitor, visitorId, "访客", text, new { type = "ticket", contact }, ct);
            await AddAsync(c, SenderKind.System, null, SystemName, "您的留言已提交，工作人员会尽快答复。回到本页面即可查看回复。", new { type = "ticketCreated" }, ct);
            return 0;
        });
    }

    /// <summary>The visitor ends the conversation.</summary>
    public Task VisitorClosesAsync(string conversationId, string visitorId, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForVisitorAsync(conversationId, visitorId, ct);
            if (c.State != ConversationState.Closed) await CloseAsync(c, "访客已结束会话。", ct);
            return 0;
        });

    /// <summary>The visitor rates the service (好差评, 1–5) after the conversation closed.</summary>
    public Task RateAsync(string conversationId, string visitorId, int rating, string? comment, CancellationToken ct = default)
    {
        if (comment is { Length: > 500 }) throw new ArgumentException("评价内容过长（最多 500 个字）");
        return WithLockAsync(conversationId, async () =>
        {
            var c = await GetForVisitorAsync(conversationId, visitorId, ct);
            c.Rate(rating, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), time.GetUtcNow());
            await SaveAsync(c, ct);
            await questions.RecordRatingAsync(c.Id, rating);
            await AddAsync(c, SenderKind.System, null, SystemName, $"感谢您的评价：{RatingLabels.Of(rating)}。", new { type = "rated", rating }, ct);
            if (RatingLabels.IsBad(rating))
                await AddAsync(c, SenderKind.Note, null, SystemName, $"差评（{RatingLabels.Of(rating)}），请主管跟进。", new { type = "badRating", rating }, ct);
            return 0;
        });
    }

    private async Task<IReadOnlyList<ChatMessage>> BotTurnAsync(Conversation c, string text, CancellationToken ct)
    {
        if (await FullAnswerAsync(c, text, ct) is { } full) return [full];
        // The context as last saved, by whichever node answered the previous question.
        await contexts.LoadAsync(c.Id, ct);
        var thumbsDown = contexts.TakeThumbsDown(c.Id);
        var result = contexts.With(c.Id, context => engine.Ask(text, context));
        result = await rewriter.ImproveAsync(c.Id, text, result, ct);
        var bot = await AddAsync(c, SenderKind.Bot, null, BotName, BotText(result), BotData(result), ct);
        var added = new List<ChatMessage> { bot };
        var misses = contexts.With(c.Id, context => context.ConsecutiveNoAnswers);
        NoteTurn(c.Id, result);
        await contexts.SaveAsync(c.Id, ct);
        var (category, department) = contexts.LastTopic(c.Id);
        await questions.RecordAsync(new QuestionAsked(c.Channel, c.Id, text, result, category, department, bot.Seq));
        if (result.Decision == AnswerDecision.HumanRequested
            || misses >= _options.NoAnswersBeforeEscalation
            || (thumbsDown && result.Decision != AnswerDecision.SmallTalk))
        {
            // Routed by the problem still open, not by an earlier answered topic.
            var (openCategory, openDepartment) = contexts.HandoffTopic(c.Id);
            added.AddRange(await EscalateAsync(c, openCategory, openDepartment, ct));
        }
        return added;
    }

    private async Task<IReadOnlyList<ChatMessage>> EscalateAsync(Conversation c, string? category, string? department, CancellationToken ct)
    {
        await questions.MarkEscalatedAsync(c.Id);
        var localNow = time.GetLocalNow();
        if (!_options.IsWithinServiceHours(TimeOnly.FromDateTime(localNow.DateTime)) || presence.Available().Count == 0)
        {
            var hours = string.IsNullOrWhiteSpace(_options.ServiceHours) ? "" : $"（人工服务时间 {_options.ServiceHours}）";
            return [await AddAsync(c, SenderKind.System, null, SystemName,
                $"当前没有人工客服在线{hours}。您可以留言并留下联系方式，我们会尽快答复。", new { type = "offerTicket" }, ct)];
        }
        c.Enqueue(category, department, time.GetUtcNow());
        await SaveAsync(c, ct);
        var ahead = await QueuePositionAsync(c, ct);
        var message = await AddAsync(c, SenderKind.System, null, SystemName,
            $"正在为您转接人工客服，您前面还有 {ahead} 位，请稍候。", new { type = "queued", position = ahead, category, department }, ct);
        await NotifyQueueAsync(ct);
        await OfferAsync(c, ct);
        return [message];
    }

    /// <summary>How many conversations wait before <paramref name="c"/> for the same department.</summary>
    public async Task<int> QueuePositionAsync(Conversation c, CancellationToken ct = default)
    {
        var queue = await store.ListAsync(new ConversationQuery([ConversationState.Queued], Max: 10_000), ct);
        return PositionIn(queue, c);
    }

    /// <summary>How many conversations of <paramref name="queue"/> wait before <paramref name="c"/> for the same department.</summary>
    public static int PositionIn(IEnumerable<Conversation> queue, Conversation c) =>
        queue.Count(q => q.Id != c.Id && q.Department == c.Department && q.QueuedAt < c.QueuedAt);

    private static string BotText(AnswerResult r) => r.Decision switch
    {
        AnswerDecision.Answered => r.Entry!.Answer,
        _ => r.Reply ?? "",
    };

    private static Dictionary<string, object?> BotData(AnswerResult r) => Merge(new
    {
        type = "bot",
        decision = JsonNamingPolicy.CamelCase.ConvertName(r.Decision.ToString()),
        faqId = r.Entry?.Id,
        question = r.Entry?.Question,
        category = r.Entry?.Category,
        basis = r.Entry?.Basis,
        confidence = Math.Round(r.Confidence, 3),
        choices = r.Choices.Select(c => new { c.Id, c.Question }),
        // Related questions in Simplified, like the zh-CN pages showing them (the 港澳台 theme is written in Traditional).
        related = r.Decision == AnswerDecision.Answered
            ? r.Candidates.Skip(1).Take(3).Select(c => new { c.Id, Question = TextNormalizer.Default.ToSimplified(c.Question) }) : [],
        reason = r.Reason,
    }, AspectData(r));

    private static Dictionary<string, object?> Merge(params object[] parts) =>
        parts.SelectMany(p => JsonSerializer.SerializeToElement(p, Json).EnumerateObject())
            .ToDictionary(p => p.Name, p => (object?)p.Value);

    private string CheckText(string? text)
    {
        if (GovAssistant.KnowledgeBase.TextRules.Problem(text, "消息不能为空") is { } problem) throw new ArgumentException(problem);
        text = text!.Trim();
        if (text.Length > _options.MaxMessageLength) throw new ArgumentException($"消息过长（最多 {_options.MaxMessageLength} 个字）");
        return text;
    }

    private async Task<ChatMessage> AddAsync(Conversation c, SenderKind sender, string? senderId, string? senderName, string text, object? data = null, CancellationToken ct = default)
    {
        // A channel that delivers by a send of its own gets an outbox row in the same write (nothing lost in a crash).
        var push = observers.Any(o => o.PushesThroughOutbox(c, sender));
        var message = await store.AppendAsync(new NewMessage(
            c.Id, sender, senderId, senderName, text, time.GetUtcNow(), c.Channel, data is null ? null : JsonSerializer.Serialize(data, Json), push), ct);
        await BroadcastAsync(o => o.MessageAddedAsync(c, message));
        return message;
    }

    /// <summary>Saves a transition; a save lost to another node or agent becomes <paramref name="conflict"/> for the caller.</summary>
    private async Task SaveAsync(Conversation c, CancellationToken ct, string conflict = "该会话刚被其他坐席处理，请刷新后再试")
    {
        try
        {
            await store.SaveAsync(c, ct);
        }
        catch (ConversationConflictException)
        {
            throw new IllegalTransitionException(c.State, c.State, conflict);
        }
        await BroadcastAsync(o => o.ConversationChangedAsync(c));
    }

    private async Task NotifyQueueAsync(CancellationToken ct)
    {
        var queue = await store.ListAsync(new ConversationQuery([ConversationState.Queued], Max: 10_000), ct);
        await BroadcastAsync(o => o.QueueChangedAsync(queue));
    }

    private async Task CloseAsync(Conversation c, string notice, CancellationToken ct)
    {
        var wasQueued = c.State == ConversationState.Queued;
        c.Close(time.GetUtcNow());
        await SaveAsync(c, ct);
        await contexts.ForgetAsync(c.Id, ct);
        await AddAsync(c, SenderKind.System, null, SystemName, notice + "请对本次服务进行评价。", new { type = "closed" }, ct);
        if (wasQueued) await NotifyQueueAsync(ct);
    }

    private async Task Safely(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            // The message is stored; a client that missed it fetches it on reconnect.
            logger.LogWarning(e, "A conversation observer failed");
        }
    }
}
