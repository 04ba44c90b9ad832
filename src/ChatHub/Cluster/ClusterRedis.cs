using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GovAssistant.ChatHub.Cluster;

/// <summary>
/// This node's connection to the cluster's Redis: one multiplexer for the whole process (StackExchange.Redis is
/// built to be shared), the node's id and the key prefix. Registered only when <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public sealed class ClusterRedis : IDisposable
{
    private readonly string _prefix;

    public ClusterRedis(string configuration, IOptions<ClusterOptions> options)
    {
        var o = options.Value;
        var config = ConfigurationOptions.Parse(configuration);
        // A node starts (and keeps answering from its own memory) while Redis is away; the multiplexer reconnects by itself.
        config.AbortOnConnectFail = false;
        // While Redis is away, commands fail at once (callers fall back to this node's memory, clients catch up by
        // sequence) rather than queueing for seconds on the request path.
        config.BacklogPolicy = BacklogPolicy.FailFast;
        Connection = ConnectionMultiplexer.Connect(config);
        _prefix = o.KeyPrefix;
        NodeId = string.IsNullOrWhiteSpace(o.NodeId)
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"
            : o.NodeId.Trim();
    }

    /// <summary>The shared multiplexer.</summary>
    public IConnectionMultiplexer Connection { get; }

    /// <summary>This node's id, unique per process start.</summary>
    public string NodeId { get; }

    /// <summary>The database commands go to.</summary>
    public IDatabase Database => Connection.GetDatabase();

    /// <summary>A key under the deployment's prefix.</summary>
    public RedisKey Key(string name) => _prefix + name;

    /// <summary>A pub/sub channel under the deployment's prefix.</summary>
    public RedisChannel Channel(string name) => RedisChannel.Literal(_prefix + name);

    public void Dispose() => Connection.Dispose();
}
