using System.Collections.Concurrent;

namespace GovAssistant.ChatHub.Agents;

/// <summary>Presence of a signed-in agent.</summary>
public enum PresenceStatus
{
    /// <summary>Takes new conversations.</summary>
    Online,

    /// <summary>Signed in but takes no new conversations.</summary>
    Busy,

    /// <summary>Away from the desk.</summary>
    Away,
}

/// <summary>
/// Which agents are connected and whether they take new conversations. One agent may have several connections
/// (tabs); they count as online while at least one is open.
/// </summary>
/// <remarks>
/// Routing reads presence synchronously, so it is kept in memory: this node's own connections, plus the agents of
/// the other nodes as last read from Redis (<see cref="Cluster.RedisPresenceSync"/>, which listens to
/// <see cref="LocalChanged"/>); a single node has no others. An agent connected here wins over a stale remote copy.
/// </remarks>
public sealed class AgentPresence
{
    private readonly ConcurrentDictionary<string, Entry> _agents = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<(AgentProfile Agent, PresenceStatus Status)> _remote = [];

    /// <summary>Raised after a connection, disconnection or status change on this node.</summary>
    public event Action? LocalChanged;

    /// <summary>Registers a connection of <paramref name="agent"/>.</summary>
    public void Connect(AgentProfile agent, string connectionId)
    {
        var entry = _agents.GetOrAdd(agent.Id, _ => new Entry(agent));
        lock (entry) entry.Connections.Add(connectionId);
        LocalChanged?.Invoke();
    }

    /// <summary>Removes a connection; the agent goes offline with its last one.</summary>
    public void Disconnect(string agentId, string connectionId)
    {
        if (!_agents.TryGetValue(agentId, out var entry)) return;
        lock (entry)
        {
            entry.Connections.Remove(connectionId);
            if (entry.Connections.Count == 0) _agents.TryRemove(agentId, out _);
        }
        LocalChanged?.Invoke();
    }

    /// <summary>Sets the status of a connected agent.</summary>
    public void SetStatus(string agentId, PresenceStatus status)
    {
        if (!_agents.TryGetValue(agentId, out var entry)) return;
        entry.Status = status;
        LocalChanged?.Invoke();
    }

    /// <summary>Status of an agent, or null when not connected.</summary>
    public PresenceStatus? StatusOf(string agentId) =>
        Connected().Where(a => a.Agent.Id == agentId).Select(a => (PresenceStatus?)a.Status).FirstOrDefault();

    /// <summary>The profile of a connected agent, or null.</summary>
    public AgentProfile? Find(string agentId) => Connected().FirstOrDefault(a => a.Agent.Id == agentId).Agent;

    /// <summary>Connected agents that take new conversations.</summary>
    public IReadOnlyList<AgentProfile> Available() =>
        Connected().Where(e => e.Status == PresenceStatus.Online).Select(e => e.Agent).ToList();

    /// <summary>Every connected agent with their status, on any node.</summary>
    public IReadOnlyList<(AgentProfile Agent, PresenceStatus Status)> Connected()
    {
        var local = Local();
        var remote = _remote;
        if (remote.Count == 0) return local;
        var here = local.Select(a => a.Agent.Id).ToHashSet(StringComparer.Ordinal);
        return [.. local, .. remote.Where(r => here.Add(r.Agent.Id))];
    }

    /// <summary>The agents connected to this node, with their status.</summary>
    public IReadOnlyList<(AgentProfile Agent, PresenceStatus Status)> Local() =>
        _agents.Values.Select(e => (e.Agent, e.Status)).ToList();

    /// <summary>Raised after what is known of the other nodes' agents was replaced.</summary>
    public event Action? RemoteChanged;

    /// <summary>Replaces what is known of the agents connected to other nodes.</summary>
    public void ReplaceRemote(IReadOnlyList<(AgentProfile Agent, PresenceStatus Status)> remote)
    {
        _remote = remote;
        RemoteChanged?.Invoke();
    }

    private sealed class Entry(AgentProfile agent)
    {
        public AgentProfile Agent { get; } = agent;
        public HashSet<string> Connections { get; } = [];
        public PresenceStatus Status { get; set; } = PresenceStatus.Online;
    }
}
