namespace GovAssistant.ChatHub.Conversations;

public sealed partial class ConversationService
{
    /// <summary>
    /// The open conversation of a channel user (WeChat …), started without the web greeting when there is none:
    /// such a channel sends what the user says, not a click on a widget, so one conversation per user stays open.
    /// </summary>
    public Task<Conversation> OpenForChannelUserAsync(string visitorId, string channel, CancellationToken ct = default) =>
        WithLockAsync("visitor:" + visitorId, async () =>
        {
            var open = (await store.ListAsync(new ConversationQuery(VisitorId: visitorId, Max: 10_000), ct))
                .Where(c => c.State != ConversationState.Closed && c.Channel == channel)
                .MaxBy(c => c.CreatedAt);
            if (open is not null) return open;
            var conversation = new Conversation(ConversationIds.New(), visitorId, channel, time.GetUtcNow());
            await store.CreateAsync(conversation, ct);
            return conversation;
        });

    /// <summary>The bot greets the user in <paramref name="conversationId"/> (a channel's own welcome, e.g. with hot questions).</summary>
    public Task<ChatMessage> GreetAsync(string conversationId, string visitorId, string text, object? data = null, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForVisitorAsync(conversationId, visitorId, ct);
            return await AddAsync(c, SenderKind.Bot, null, BotName, text, data ?? new { type = "greeting" }, ct);
        });

    /// <summary>A notice from the service to the user and agents (e.g. "only text is understood").</summary>
    public Task<ChatMessage> ChannelNoticeAsync(string conversationId, string visitorId, string text, object? data = null, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForVisitorAsync(conversationId, visitorId, ct);
            return await AddAsync(c, SenderKind.System, null, SystemName, text, data ?? new { type = "channelNotice" }, ct);
        });

    /// <summary>
    /// A private note agents see when a message could not be delivered to the user on their channel
    /// ("回复未能送达：…"); the user never sees it.
    /// </summary>
    public Task<ChatMessage?> NoteUndeliveredAsync(string conversationId, string reason, string excerpt, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await store.GetAsync(conversationId, ct);
            if (c is null) return null;
            var text = $"回复未能送达：{reason}。未送达的内容：{excerpt}";
            return (ChatMessage?)await AddAsync(c, SenderKind.Note, null, SystemName, text, new { type = "undelivered", reason }, ct);
        });

    /// <summary>
    /// Rates the user's last closed conversation on <paramref name="channel"/> when a bare 1–5 reply is meant as a
    /// rating: it closed within <paramref name="window"/>, is not rated yet, and the user has said nothing since.
    /// Returns false (nothing done) otherwise, so the reply is treated as an ordinary message.
    /// </summary>
    public async Task<bool> TryRateLastAsync(string visitorId, string channel, int rating, TimeSpan window, CancellationToken ct = default)
    {
        var mine = (await store.ListAsync(new ConversationQuery(VisitorId: visitorId, Max: 10_000), ct)).Where(c => c.Channel == channel).ToList();
        var last = mine.Where(c => c.State == ConversationState.Closed && c.ClosedAt is not null).MaxBy(c => c.ClosedAt);
        if (last is null || last.Rating is not null || time.GetUtcNow() - last.ClosedAt > window) return false;
        foreach (var open in mine.Where(c => c.State != ConversationState.Closed))
        {
            var said = await store.GetMessagesAsync(open.Id, 0, includeNotes: false, cancellationToken: ct);
            if (said.Any(m => m.Sender == SenderKind.Visitor)) return false;
        }
        try
        {
            await RateAsync(last.Id, visitorId, rating, null, ct);
            return true;
        }
        catch (IllegalTransitionException)
        {
            return false; // rated meanwhile
        }
    }

    /// <summary>
    /// A conversation of <paramref name="channel"/>, or null: for a channel's master key (the Direct Line secret), which
    /// may act in any conversation of its own channel and no other.
    /// </summary>
    public async Task<Conversation?> GetOnChannelAsync(string conversationId, string channel, CancellationToken ct = default)
    {
        var c = await store.GetAsync(conversationId, ct);
        return c is not null && c.Channel == channel ? c : null;
    }

    /// <summary>
    /// The visitor rates a closed conversation by writing (clicking) the rating's words: the words are kept in the
    /// transcript with <paramref name="channelData"/>, then <see cref="RateAsync"/> records the rating.
    /// </summary>
    public async Task<ChatMessage> VisitorRatesInWordsAsync(
        string conversationId, string visitorId, string text, int rating, object channelData, CancellationToken ct = default)
    {
        text = CheckText(text);
        var words = await WithLockAsync(conversationId, async () =>
        {
            var c = await GetForVisitorAsync(conversationId, visitorId, ct);
            if (c.State != ConversationState.Closed) throw new IllegalTransitionException(c.State, c.State, "会话结束后才能评价");
            if (c.Rating is not null) throw new IllegalTransitionException(c.State, c.State, "该会话已评价");
            if (rating is < 1 or > 5) throw new ArgumentException("评价应为 1–5 分");
            return await AddAsync(c, SenderKind.Visitor, visitorId, "访客", text, channelData, ct);
        });
        await RateAsync(conversationId, visitorId, rating, null, ct);
        return words;
    }
}
