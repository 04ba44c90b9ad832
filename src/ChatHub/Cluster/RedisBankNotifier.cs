using GovAssistant.ChatHub.Bank;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Cluster;

/// <summary>
/// Tells the other nodes at once when this node publishes a bank revision, and re-indexes here when another node
/// announces one, so a publish on one node answers from every node within moments. Each node keeps its own Lucene
/// index; <see cref="BankRefresher"/>'s polling stays as the fallback for an announcement lost while Redis was away.
/// </summary>
internal sealed class RedisBankNotifier(ClusterRedis redis, BankPublisher publisher, ILogger<RedisBankNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        publisher.Published += Announce;
        stoppingToken.Register(() => publisher.Published -= Announce);
        try
        {
            await redis.Connection.GetSubscriber().SubscribeAsync(redis.Channel("bank"), (channel, message) =>
            {
                if (message.ToString().StartsWith(redis.NodeId + "|", StringComparison.Ordinal)) return;
                _ = RefreshAsync(stoppingToken);
            });
        }
        catch (Exception e) when (ClusterMemory.Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable at start; bank revisions of other nodes arrive by polling");
        }
    }

    private void Announce(BankSnapshot snapshot) => _ = AnnounceAsync(snapshot);

    private async Task AnnounceAsync(BankSnapshot snapshot)
    {
        try
        {
            await redis.Connection.GetSubscriber().PublishAsync(redis.Channel("bank"), $"{redis.NodeId}|{snapshot.Revision}");
        }
        catch (Exception e) when (ClusterMemory.Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; other nodes pick up bank revision {Revision} by polling", snapshot.Revision);
        }
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            // Reads the store's revision itself: an announcement only says "look now".
            await publisher.RefreshNowAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Bank refresh after another node's publish failed; polling tries again");
        }
    }
}
