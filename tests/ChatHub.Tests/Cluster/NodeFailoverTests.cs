using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>
/// A node dies (kill -9) in the middle of a chat: its visitors reconnect through the same proxy address to a node
/// still standing, and <c>Resume</c> from the last sequence number they saw returns exactly what they missed.
/// </summary>
public sealed class NodeFailoverTests
{
    [Fact]
    public async Task AVisitorWhoseNodeIsKilledReconnectsThroughTheProxyAndResumeReturnsExactlyTheMissedMessages()
    {
        await using var cluster = await NginxCluster.StartAsync();
        await cluster.CreateAgentAsync("li", "李强");
        await cluster.CreateAgentAsync("zhang", "张敏");
        await using var visitor = await cluster.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        var visitorsNode = await cluster.NodeWithVisitorsAsync();
        var survivor = cluster.Nodes.Single(n => n != visitorsNode);
        // An agent online on the visitor's node (presence is per node until Redis shares it), so the request queues.
        using var liSession = await NginxCluster.SignInAsync(visitorsNode.Address, "li", NginxCluster.AgentPassword);
        await using var li = await StaffConnection.ConnectAsync(visitorsNode.Address, liSession);
        await visitor.SendAsync(id, "转人工");
        await visitor.WaitForAsync(m => m.Type == "queued");

        // Another agent works on the surviving node; what is stored there while the visitor's node is gone is missed.
        using var session = await NginxCluster.SignInAsync(survivor.Address, "zhang", NginxCluster.AgentPassword);
        await using var agent = await StaffConnection.ConnectAsync(survivor.Address, session);
        await visitorsNode.KillAsync();
        var seen = visitor.LastSeq;
        await agent.Connection.InvokeAsync<Summary>("Accept", id);
        string[] sent = ["您好，我是张敏。", "请问您要办理什么业务？", "我这边帮您查一下。"];
        foreach (var text in sent) await agent.Connection.InvokeAsync("Send", id, text);

        await visitor.WaitForReconnectAsync();
        var resumed = await visitor.ResumeAsync(id, seen);
        var again = await visitor.ResumeAsync(id, resumed.Messages.Max(m => m.Seq));

        // Every message after the last one seen, once, in order, with no gap: the accept notice and the agent's three.
        Assert.Equal(Enumerable.Range(1, resumed.Messages.Count).Select(i => seen + i), resumed.Messages.Select(m => m.Seq));
        Assert.Equal(sent, resumed.Messages.Where(m => m.Sender == "agent").Select(m => m.Text));
        Assert.Equal("accepted", resumed.Messages.Single(m => m.Sender != "agent").Type);
        Assert.Equal("withAgent", resumed.Conversation.State);
        Assert.Empty(again.Messages);
        // And the chat goes on on the new node, both ways.
        await visitor.SendAsync(id, "我想补办身份证");
        await agent.WaitForAsync(m => m.Text == "我想补办身份证");
    }
}
