using System.Collections.Concurrent;
using GovAssistant.ChatHub.Agents;

namespace GovAssistant.ChatHub.Hubs;

/// <summary>Display names of agents by id, remembered as agents connect; the id stands in for an unknown name.</summary>
public sealed class AgentNames
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>Remembers an agent's display name.</summary>
    public void Remember(AgentProfile agent) => _names[agent.Id] = agent.Name;

    /// <summary>The display name of <paramref name="agentId"/>.</summary>
    public string NameOf(string agentId) => _names.GetValueOrDefault(agentId, agentId);
}
