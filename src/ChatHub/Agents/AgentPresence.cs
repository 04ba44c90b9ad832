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
/// <remarks>REVIEW: in-process; scale-out needs this in Redis next to the SignalR backplane.</remarks>
public sealed class AgentPresence
{
    private readonly ConcurrentDictionary<string, Entry> _agents = new(StringComparer.Ordinal);

    /// <summary>Registers a connection of <paramref name="agent"/>.</summary>
    public void Connect(AgentProfile agent, string connectionId)
    {
        var entry = _agents.GetOrAdd(agent.Id, _ => new Entry(agent));
        lock (entry) entry.Connections.Add(connectionId);
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
    }

    /// <summary>Sets the status of a connected agent.</summary>
    public void SetStatus(string agentId, PresenceStatus status)
    {
        if (_agents.TryGetValue(agentId, out var entry)) entry.Status = status;
    }

    /// <summary>Status of an agent, or null when not connected.</summary>
    public PresenceStatus? StatusOf(string agentId) => _agents.TryGetValue(agentId, out var e) ? e.Status : null;

    /// <summary>The profile of a connected agent, or null.</summary>
    public AgentProfile? Find(string agentId) => _agents.TryGetValue(agentId, out var e) ? e.Agent : null;

    /// <summary>Connected agents that take new conversations.</summary>
    public IReadOnlyList<AgentProfile> Available() =>
        _agents.Values.Where(e => e.Status == PresenceStatus.Online).Select(e => e.Agent).ToList();

    /// <summary>Every connected agent with their status.</summary>
    public IReadOnlyList<(AgentProfile Agent, PresenceStatus Status)> Connected() =>
        _agents.Values.Select(e => (e.Agent, e.Status)).ToList();

    private sealed class Entry(AgentProfile agent)
    {
        public AgentProfile Agent { get; } = agent;
        public HashSet<string> Connections { get; } = [];
        public PresenceStatus Status { get; set; } = PresenceStatus.Online;
    }
}
