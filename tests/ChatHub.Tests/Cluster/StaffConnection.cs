using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>An agent's SignalR connection to the agent hub of one node (or of the proxy), recording what it receives.</summary>
public sealed class StaffConnection : RecordingClient
{
    private StaffConnection(HubConnection connection) : base(connection) { }

    public static async Task<StaffConnection> ConnectAsync(Uri address, StaffSession session)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/agent"), o => o.Cookies = session.Cookies)
            .Build();
        var client = new StaffConnection(connection);
        await connection.StartAsync();
        return client;
    }
}
