using GovAssistant.ChatHub.Channels.DirectLine;
using GovAssistant.ChatHub.Conversations;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GovAssistant.ChatHub.Cluster;

/// <summary>
/// Makes N identical nodes behave as one service through Redis: SignalR backplane, shared agent presence, Data
/// Protection key ring, bank revision announcements, Direct Line relay and the shared memory of throttles, limits
/// and WeChat de-duplication. With <c>ConnectionStrings:Redis</c> empty (the default) only the in-process
/// <see cref="ClusterMemory"/> is registered and a single node runs exactly as before.
/// </summary>
internal static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Run after the features it extends (conversations, visitors, Direct Line), whose registrations it replaces.
    /// Configuration: <code>"ConnectionStrings": { "Redis": "" }</code> and the <c>Cluster</c> section (<see cref="ClusterOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName)
            .Validate(o => o.PresenceRefresh > TimeSpan.Zero && o.PresenceExpiry > o.PresenceRefresh,
                "Cluster:PresenceExpiry 必须大于 Cluster:PresenceRefresh（且两者大于 0）")
            .ValidateOnStart();
        var configuration = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(configuration))
        {
            builder.Services.AddSingleton(sp => new ClusterMemory(sp.GetRequiredService<ILogger<ClusterMemory>>()));
            return builder;
        }

        builder.Services.AddSingleton(sp => new ClusterRedis(configuration, sp.GetRequiredService<IOptions<ClusterOptions>>()));
        builder.Services.AddSingleton(sp => new ClusterMemory(sp.GetRequiredService<ILogger<ClusterMemory>>(), sp.GetRequiredService<ClusterRedis>()));
        var prefix = builder.Configuration.GetSection(ClusterOptions.SectionName).Get<ClusterOptions>()?.KeyPrefix ?? new ClusterOptions().KeyPrefix;

        // Hub messages to users and groups reach connections on every node (lost while Redis is away: clients catch
        // up by sequence with Resume/Open).
        builder.Services.AddSignalR().AddStackExchangeRedis(o => o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix + "signalr"));
        // On the node's one multiplexer, which fails fast while Redis is away instead of holding hub calls for seconds.
        builder.Services.AddOptions<RedisOptions>().Configure<ClusterRedis>((o, redis) =>
            o.ConnectionFactory = _ => Task.FromResult(redis.Connection));

        // One key ring for all nodes: visitor tokens, Direct Line tokens and staff cookies issued by one are read by all.
        builder.Services.AddOptions<KeyManagementOptions>().Configure<ClusterRedis>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.Database, redis.Key("dataprotection-keys")));

        builder.Services.AddHostedService<RedisPresenceSync>();
        builder.Services.AddHostedService<RedisBankNotifier>();

        // The Direct Line observer that relays through Redis replaces the one that hands messages to local streams only.
        builder.Services.Remove(builder.Services.Single(d => d.ServiceType == typeof(IConversationObserver)
            && d.ImplementationType == typeof(DirectLineBroadcaster)));
        builder.Services.AddSingleton<RedisDirectLineRelay>();
        builder.Services.AddSingleton<IConversationObserver>(sp => sp.GetRequiredService<RedisDirectLineRelay>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisDirectLineRelay>());
        return builder;
    }
}
