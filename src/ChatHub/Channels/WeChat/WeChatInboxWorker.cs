namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>Handles queued pushes one at a time (so a user's messages keep their order), off the request path.</summary>
public sealed class WeChatInboxWorker(WeChatInbox inbox, WeChatDialog dialog, ILogger<WeChatInboxWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var inbound in inbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await dialog.HandleAsync(inbound, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "WeChat push {Key} of {AppId} could not be handled", inbound.Push.DeduplicationKey, inbound.App.AppId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
