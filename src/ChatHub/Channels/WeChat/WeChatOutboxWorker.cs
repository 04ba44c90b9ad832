using GovAssistant.ChatHub.Conversations;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Delivers the outbox's WeChat rows, from any node: claims a few (each conversation's oldest first, so a conversation's
/// messages go out in order), renders each (plain text, split at the text limit), sends the parts, marks the row done,
/// and when a part cannot be delivered leaves a private note in the conversation so the agents know. A node that dies
/// between claim and send loses its claim after <see cref="WeChatOptions.OutboxClaimLifetime"/>; another sends the row.
/// </summary>
public sealed class WeChatOutboxWorker(
    IConversationStore store, WeChatOutbox outbox, WeChatUsers users, WeChatSender sender, ConversationService conversations,
    IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatOutboxWorker> logger) : BackgroundService
{
    private const int Batch = 20;

    /// <summary>Who this sender is in the outbox's claimed_by column.</summary>
    public string Claimant { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await SendClaimedAsync(stoppingToken) == 0)
                    await outbox.WaitAsync(options.Value.OutboxPollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: rows claimed and not sent are sent by whoever claims them after the claim expires.
        }
    }

    /// <summary>Claims a batch and delivers it; returns how many rows were claimed.</summary>
    public async Task<int> SendClaimedAsync(CancellationToken ct)
    {
        IReadOnlyList<OutboxItem> claimed;
        try
        {
            var now = time.GetUtcNow();
            claimed = await store.ClaimOutboxAsync(WeChatDialog.Channel, Claimant, now, now + options.Value.OutboxClaimLifetime, Batch, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Claiming WeChat outbox rows failed");
            return 0;
        }
        foreach (var item in claimed)
        {
            try
            {
                var outcome = await DeliverAsync(item, ct);
                // Delivered (or refused) is recorded even while the node stops: left claimed, the row would go out again.
                if (!await store.CompleteOutboxAsync(item.Id, Claimant, outcome, time.GetUtcNow(), CancellationToken.None))
                    logger.LogWarning("WeChat outbox row {Id} was claimed by another sender before it was marked done", item.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Left claimed: it is tried again once the claim expires.
                logger.LogError(e, "WeChat delivery of message {Seq} of {Conversation} failed", item.Message.Seq, item.Message.ConversationId);
            }
        }
        return claimed.Count;
    }

    private async Task<string> DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        var message = item.Message;
        var user = await users.FindAsync(item.VisitorId, ct);
        var app = user is null ? null : options.Value.Find(user.Value.AppId);
        if (user is null || app is null)
        {
            const string reason = "找不到该微信用户或其应用配置";
            await conversations.NoteUndeliveredAsync(message.ConversationId, reason, Excerpt(message.Text), ct);
            return reason;
        }
        foreach (var part in WeChatText.Render(message, options.Value.MaxTextBytes))
        {
            var failure = await sender.SendAsync(app, user.Value.OpenId, part, ct);
            if (failure is null) continue;
            await conversations.NoteUndeliveredAsync(message.ConversationId, failure, Excerpt(message.Text), ct);
            return failure; // the rest of a split message would read out of context
        }
        return "sent";
    }

    private static string Excerpt(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
