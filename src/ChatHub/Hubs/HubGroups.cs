namespace GovAssistant.ChatHub.Hubs;

/// <summary>Names of the SignalR groups: who hears what.</summary>
internal static class HubGroups
{
    /// <summary>The visitor's connections to one conversation.</summary>
    public static string Visitor(string conversationId) => "v:" + conversationId;

    /// <summary>Agents' connections that have one conversation open.</summary>
    public static string Agents(string conversationId) => "a:" + conversationId;
}
