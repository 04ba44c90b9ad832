namespace GovAssistant.ChatHub.Cluster;

/// <summary>
/// How the nodes of a cluster share state through Redis (<c>ConnectionStrings:Redis</c>; off when empty, and then
/// none of this is used). Configuration:
/// <code>"Cluster": { "NodeId": "", "KeyPrefix": "govassistant:", "PresenceRefresh": "00:00:05", "PresenceExpiry": "00:00:15" }</code>
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>This node's name in Redis keys; empty = host name, process id and a random suffix (unique per start).</summary>
    public string NodeId { get; set; } = "";

    /// <summary>Prefix of every key and channel, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "govassistant:";

    /// <summary>How often a node re-writes its agents' presence and re-reads the other nodes'.</summary>
    public TimeSpan PresenceRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a node's presence outlives its last refresh: a crashed node's agents disappear from routing after it.
    /// Must exceed <see cref="PresenceRefresh"/>.
    /// </summary>
    public TimeSpan PresenceExpiry { get; set; } = TimeSpan.FromSeconds(15);
}
