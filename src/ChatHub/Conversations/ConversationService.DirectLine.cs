namespace GovAssistant.ChatHub.Conversations;

public sealed partial class ConversationService
{
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
    /// <see cref="VisitorSaysAsync"/> for channels whose clients need their own message back with their own ids (Direct
    /// Line echoes <c>clientActivityID</c>): <paramref name="channelData"/> is stored with the visitor's message.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessage>> VisitorSaysOnChannelAsync(
        string conversationId, string visitorId, string text, object channelData, CancellationToken ct = default)
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
