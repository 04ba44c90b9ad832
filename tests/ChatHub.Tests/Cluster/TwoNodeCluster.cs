using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.Infrastructure;
using GovAssistant.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>
/// Two real ChatHub nodes on their own loopback ports, sharing one database and one real Redis server, as N nodes
/// behind a load balancer would. Each node keeps its own Lucene index. The database is a shared SQLite file unless
/// the settings name another provider (<c>Storage:Provider=postgres</c> and <c>ConnectionStrings:Postgres</c>).
/// The bank's polling is slowed to an hour, so a new revision can only reach the other node by announcement.
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    private TwoNodeCluster(RedisServer redis, TempFolder folder, ConversationHost a, ConversationHost b)
    {
        Redis = redis;
        Folder = folder;
        A = a;
        B = b;
    }

    public RedisServer Redis { get; }

    public TempFolder Folder { get; }

    public ConversationHost A { get; }

    public ConversationHost B { get; }

    /// <summary>
    /// Starts Redis, then node A (which creates the schema and loads the seed bank), then node B, both with
    /// <paramref name="settings"/> (the storage provider, a channel's secrets…).
    /// </summary>
    public static async Task<TwoNodeCluster> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var redis = await RedisServer.StartNewAsync();
        var folder = new TempFolder();
        var a = new ConversationHost(folder, Settings(redis, folder, "node-a", settings)).Start();
        var b = new ConversationHost(folder, Settings(redis, folder, "node-b", settings)).Start();
        return new TwoNodeCluster(redis, folder, a, b);
    }

    /// <summary>Waits until <paramref name="node"/>'s routing sees <paramref name="agentId"/> online (presence crosses through Redis).</summary>
    public static async Task WaitUntilOnlineAsync(ConversationHost node, string agentId, int seconds = 10)
    {
        var presence = node.Services.GetRequiredService<AgentPresence>();
        using var changed = new SemaphoreSlim(0);
        void Release() => changed.Release();
        presence.RemoteChanged += Release;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (!presence.Available().Any(a => a.Id == agentId))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await changed.WaitAsync(left))
                    throw new TimeoutException($"{agentId} 在 {seconds} 秒内没有出现在另一节点的在线名单中");
            }
        }
        finally
        {
            presence.RemoteChanged -= Release;
        }
    }

    /// <summary>Takes Redis away (as a crash would), remembering how many channels the nodes had subscribed.</summary>
    public async Task StopRedisAsync()
    {
        _subscribedBefore = await SubscribedChannelsAsync();
        await Redis.StopAsync();
    }

    /// <summary>
    /// Brings Redis back (empty, as the test server keeps nothing) and waits until both nodes have subscribed their
    /// channels again, which the multiplexers do by themselves on reconnecting.
    /// </summary>
    public async Task StartRedisAsync(int seconds = 30)
    {
        await Redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (await SubscribedChannelsAsync() < _subscribedBefore)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"节点在 {seconds} 秒内没有重新订阅 Redis 频道");
            // Waiting on the nodes' own reconnect timers: nothing to subscribe to, so poll the server (as RedisServer does).
            await Task.Delay(50);
        }
    }

    private async Task<long> SubscribedChannelsAsync()
    {
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        return (await connection.GetServer(connection.GetEndPoints()[0]).SubscriptionChannelsAsync()).Length;
    }

    private long _subscribedBefore;

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Redis.DisposeAsync();
        Folder.Dispose();
    }

    private static Dictionary<string, string> Settings(RedisServer redis, TempFolder folder, string node, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Cluster:NodeId"] = node,
            ["QaEngine:IndexPath"] = folder.File("index-" + node),
            ["Bank:RefreshInterval"] = "01:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        return settings;
    }
}
