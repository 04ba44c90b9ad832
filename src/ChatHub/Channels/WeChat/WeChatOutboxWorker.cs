using GovAssistant.ChatHub.Conversations;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Delivers queued messages in order: renders each (plain text, split at the text limit), sends the parts, and
/// when a part cannot be delivered leaves a private note in the conversation so the agents know.
/// </summary>
public sealed class WeChatOutboxWorker(
    WeChatOutbox outbox, WeChatUsers users, WeChatSender sender, ConversationService conversations,
    IOptions<WeChatOptions> options, ILogger<WeChatOutboxWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var outbound in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(outbound, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "WeChat delivery of message {Seq} of {Conversation} failed", outbound.Message.Seq, outbound.ConversationId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task DeliverAsync(WeChatOutbound outbound, CancellationToken ct)
    {
        var user = await users.FindAsync(outbound.VisitorId, ct);
        var app = user is null ? null : options.Value.Find(user.Value.AppId);
        if (user is null || app is null)
        {
            await conversations.NoteUndeliveredAsync(outbound.ConversationId, "找不到该微信用户或其应用配置", Excerpt(outbound.Message.Text), ct);
            return;
        }
        foreach (var part in WeChatText.Render(outbound.Message, options.Value.MaxTextBytes))
        {
            var failure = await sender.SendAsync(app, user.Value.OpenId, part, ct);
            if (failure is null) continue;
            await conversations.NoteUndeliveredAsync(outbound.ConversationId, failure, Excerpt(outbound.Message.Text), ct);
            return; // the rest of a split message would read out of context
        }
    }

    private static string Excerpt(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
