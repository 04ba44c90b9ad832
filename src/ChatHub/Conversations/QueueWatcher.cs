using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Reviews the queue every <see cref="ConversationOptions.QueueReviewInterval"/> on the host's <see cref="TimeProvider"/>,
/// because the waits that widen routing or offer a ticket pass without any event to react to. With several nodes one
/// of them reviews (it holds a lease it renews each tick; another takes over when it stops renewing), so each wait is
/// announced once, not once per node.
/// </summary>
internal sealed class QueueWatcher(ConversationService conversations, Cluster.ClusterMemory cluster, IOptions<ConversationOptions> options,
    TimeProvider time, ILogger<QueueWatcher> logger) : BackgroundService
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
                    if (!await cluster.HoldLeaseAsync("queue-review", options.Value.QueueReviewInterval * 3)) continue;
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
