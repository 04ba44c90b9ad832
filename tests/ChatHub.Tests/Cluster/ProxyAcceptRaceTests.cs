using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>
/// Two agents on two node processes (PostgreSQL, Redis, nginx in front, as deployed) press 接入 on the same queued
/// conversation at the same moment: exactly one gets it, the other a clear Chinese refusal — every time.
/// </summary>
public sealed class ProxyAcceptRaceTests
{
    private const int Rounds = 100;

    [Fact]
    public async Task AgentsOnTwoNodesAcceptingTheSameConversationAHundredTimesLeaveExactlyOneWinnerEachTime()
    {
        // A new citizen each round, all from the test's one address: the cap on new visitor identities is raised.
        await using var cluster = await NginxCluster.StartAsync(withRedis: true, settings: new Dictionary<string, string> { ["Visitors:IssuePermitsPerMinute"] = "100000" });
        await cluster.CreateAgentAsync("li", "李强");
        await cluster.CreateAgentAsync("zhang", "张敏");
        using var liSession = await NginxCluster.SignInAsync(cluster.Nodes[0].Address, "li", NginxCluster.AgentPassword);
        using var zhangSession = await NginxCluster.SignInAsync(cluster.Nodes[1].Address, "zhang", NginxCluster.AgentPassword);
        await using var li = await StaffConnection.ConnectAsync(cluster.Nodes[0].Address, liSession);
        await using var zhang = await StaffConnection.ConnectAsync(cluster.Nodes[1].Address, zhangSession);
        var agents = new[] { (Id: "li", Client: li), (Id: "zhang", Client: zhang) };

        for (var round = 0; round < Rounds; round++)
        {
            // Each round a new citizen, through the proxy, asks for a person and waits in the queue.
            await using var visitor = await cluster.ConnectVisitorAsync();
            var id = (await visitor.StartAsync()).Conversation.Id;
            await visitor.SendAsync(id, "转人工");
            await visitor.WaitForAsync(m => m.Type == "queued");

            var outcomes = await Task.WhenAll(agents.Select(async a =>
            {
                try
                {
                    await a.Client.Connection.InvokeAsync<Summary>("Accept", id);
                    return (Winner: a.Id, Refusal: (string?)null);
                }
                catch (HubException e)
                {
                    return (Winner: (string?)null, Refusal: e.Message);
                }
            }));

            var winner = Assert.Single(outcomes, o => o.Winner is not null).Winner!;
            Assert.Contains("该会话已被其他坐席接入", Assert.Single(outcomes, o => o.Refusal is not null).Refusal);
            // The citizen is told once, by the winner's name, whichever node each of them is on.
            await visitor.WaitForAsync(m => m.Type == "accepted");
            Assert.Single(visitor.Messages, m => m.Type == "accepted");
            await agents.Single(a => a.Id == winner).Client.Connection.InvokeAsync("Close", id);
        }
    }
}
