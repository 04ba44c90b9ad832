namespace GovAssistant.ChatHub.Conversations;

public sealed partial class ConversationService
{
    // Which waits were already acted on, per conversation and queue entry ("id@ticks" of QueuedAt), so each is announced
    // once; in memory only: after a restart a wait may be announced once more, which is harmless.
    private readonly HashSet<string> _widened = [];
    private readonly HashSet<string> _waitOffered = [];

    /// <summary>
    /// Reviews the queue (run by <see cref="QueueWatcher"/> on the host's clock). A conversation whose wait passes
    /// <see cref="ConversationOptions.AnyDepartmentAfter"/> becomes takeable by every agent: each connected agent gets
    /// their new queue and an available agent is offered it, so nobody needs to reload. A visitor waiting longer than
    /// <see cref="ConversationOptions.OfferTicketAfter"/> is offered to leave a message and may keep waiting.
    /// </summary>
    public async Task ReviewQueueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var queue = await store.ListAsync(new ConversationQuery([ConversationState.Queued], Max: 10_000), ct);
        List<Conversation> widened, waiting;
        lock (_widened)
        {
            widened = [.. queue.Where(c => now - c.QueuedAt >= _options.AnyDepartmentAfter && _widened.Add(KeyOf(c)))];
            waiting = [.. queue.Where(c => now - c.QueuedAt >= _options.OfferTicketAfter && _waitOffered.Add(KeyOf(c)))];
            var live = queue.Select(KeyOf).ToHashSet();
            _widened.IntersectWith(live);
            _waitOffered.IntersectWith(live);
        }
        if (widened.Count > 0)
        {
            await BroadcastAsync(o => o.QueueChangedAsync(queue));
            foreach (var c in widened) await OfferAsync(c, ct, anyDepartment: true);
        }
        foreach (var c in waiting) await OfferTicketWhileWaitingAsync(c, ct);
    }

    private Task OfferTicketWhileWaitingAsync(Conversation queued, CancellationToken ct) =>
        WithLockAsync(queued.Id, async () =>
        {
            // Taken or left meanwhile: nothing to offer.
            var c = await store.GetAsync(queued.Id, ct);
            if (c is null || c.State != ConversationState.Queued || c.QueuedAt != queued.QueuedAt) return 0;
            var minutes = Math.Max(1, (int)_options.OfferTicketAfter.TotalMinutes);
            await AddAsync(c, SenderKind.System, null, SystemName,
                $"您已等待超过 {minutes} 分钟，人工客服仍然繁忙。您可以留言并留下联系方式，我们会尽快答复；也可以继续等待。",
                new { type = "offerTicket", keepWaiting = true }, ct);
            return 0;
        });

    private static string KeyOf(Conversation c) => $"{c.Id}@{c.QueuedAt?.UtcTicks}";
}
