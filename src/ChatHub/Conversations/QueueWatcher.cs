using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Reviews the queue every <see cref="ConversationOptions.QueueReviewInterval"/> on the host's <see cref="TimeProvider"/>,
/// because the waits that widen routing or offer a ticket pass without any event to react to.
/// </summary>
internal sealed class QueueWatcher(ConversationService conversations, IOptions<ConversationOptions> options, TimeProvider time,
    ILogger<QueueWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueReviewInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await conversations.ReviewQueueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again; a failing review must not stop the watcher.
                    logger.LogWarning(e, "Queue review failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }
}
