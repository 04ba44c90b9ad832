using System.Text.Json;
using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Hubs;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GovAssistant.ChatHub.Cluster;

/// <summary>
/// Shares agent presence between the nodes: each node writes the agents connected to it under a key of its own that
/// expires after <see cref="ClusterOptions.PresenceExpiry"/> unless refreshed (so a crashed node's agents drop out of
/// routing by themselves), announces every change on a channel, and re-reads the other nodes' keys when one is
/// announced and on every refresh. Routing then sees an agent connected to any node.
/// </summary>
internal sealed class RedisPresenceSync(ClusterRedis redis, AgentPresence presence, AgentNames names, IOptions<ClusterOptions> options,
    ILogger<RedisPresenceSync> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _wake = new(0);
    private DateTimeOffset _lastRead = DateTimeOffset.UtcNow;
    // Set by a change on this node: the next sync announces it. Syncs woken by another node's notice or by the
    // refresh only write and read, so notices never bounce between nodes.
    private int _changedHere = 1;

    private RedisKey NodesKey => redis.Key("presence:nodes");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        presence.LocalChanged += ChangedHere;
        try
        {
            // The subscription is restored by the multiplexer after an outage; the refresh below covers what was missed.
            await redis.Connection.GetSubscriber().SubscribeAsync(redis.Channel("presence"), (_, node) =>
            {
                if (node != redis.NodeId) Wake();
            });
        }
        catch (Exception e) when (ClusterMemory.Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable at start; presence is re-read every {Refresh}", o.PresenceRefresh);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await SyncAsync(o);
            try
            {
                await _wake.WaitAsync(o.PresenceRefresh, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        presence.LocalChanged -= ChangedHere;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A node that stops cleanly takes its agents out at once instead of after the expiry.
            await redis.Database.KeyDeleteAsync(redis.Key("presence:" + redis.NodeId));
            await redis.Database.SetRemoveAsync(NodesKey, redis.NodeId);
            await redis.Connection.GetSubscriber().PublishAsync(redis.Channel("presence"), redis.NodeId);
        }
        catch (Exception e) when (ClusterMemory.Unreachable(e))
        {
            logger.LogDebug(e, "Presence of node {Node} left to expire", redis.NodeId);
        }
    }

    private void Wake() => _wake.Release();

    private void ChangedHere()
    {
        Interlocked.Exchange(ref _changedHere, 1);
        Wake();
    }

    private async Task SyncAsync(ClusterOptions o)
    {
        try
        {
            var db = redis.Database;
            var announce = Interlocked.Exchange(ref _changedHere, 0) == 1;
            var mine = presence.Local().Select(a => new Shared(a.Agent, a.Status)).ToList();
            await db.StringSetAsync(redis.Key("presence:" + redis.NodeId), JsonSerializer.Serialize(mine, Json), o.PresenceExpiry);
            await db.SetAddAsync(NodesKey, redis.NodeId);
            if (announce) await redis.Connection.GetSubscriber().PublishAsync(redis.Channel("presence"), redis.NodeId);
            presence.ReplaceRemote(await ReadOthersAsync(db));
            _lastRead = DateTimeOffset.UtcNow;
        }
        catch (Exception e) when (ClusterMemory.Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; agent presence of other nodes not refreshed");
            Interlocked.Exchange(ref _changedHere, 1);
            // Past the expiry, what was read may name agents of a node that is gone: route to this node's agents only.
            if (DateTimeOffset.UtcNow - _lastRead > o.PresenceExpiry) presence.ReplaceRemote([]);
        }
    }

    private async Task<IReadOnlyList<(AgentProfile, PresenceStatus)>> ReadOthersAsync(IDatabase db)
    {
        var others = (await db.SetMembersAsync(NodesKey)).Select(n => n.ToString()).Where(n => n != redis.NodeId).ToList();
        var remote = new List<(AgentProfile, PresenceStatus)>();
        foreach (var node in others)
        {
            var value = await db.StringGetAsync(redis.Key("presence:" + node));
            if (value.IsNull)
            {
                // Expired: the node stopped refreshing (crashed); forget it.
                await db.SetRemoveAsync(NodesKey, node);
                continue;
            }
            foreach (var a in JsonSerializer.Deserialize<List<Shared>>(value.ToString(), Json) ?? [])
            {
                names.Remember(a.Agent);
                remote.Add((a.Agent, a.Status));
            }
        }
        return remote;
    }

    private sealed record Shared(AgentProfile Agent, PresenceStatus Status);
}
