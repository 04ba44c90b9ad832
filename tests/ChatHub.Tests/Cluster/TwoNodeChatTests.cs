using Microsoft.AspNetCore.SignalR.Client;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>
/// Live chat across two nodes sharing Redis and the database: the visitor's connection on node A, the agent's on
/// node B, as a load balancer would spread them.
/// </summary>
public sealed class TwoNodeChatTests
{
    [Fact]
    public async Task AnAgentOnlineOnlyOnNodeBIsOfferedAnEscalationOnNodeAAndTheyTalkBothWays()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        await using var chat = await Chat.OpenAsync(cluster);

        await chat.Agent.Connection.InvokeAsync("Send", chat.Id, "您好，我是李娜，请讲。");
        await chat.Visitor.WaitForAsync(m => m.Sender == "agent" && m.Text == "您好，我是李娜，请讲。");
        await chat.Visitor.SendAsync(chat.Id, "我想咨询居住证的办理。");
        await chat.Agent.WaitForAsync(m => m.Sender == "visitor" && m.Text == "我想咨询居住证的办理。");
        // The node that routed the conversation knew the agent on the other node by name.
        Assert.Contains(chat.Visitor.Messages, m => m.Type == "accepted" && m.Text.Contains("李娜"));
    }

    [Fact]
    public async Task MessagesSentWhileRedisIsDownAreAllThereWhenTheClientsReconnectAndResume()
    {
        await using var cluster = await TwoNodeCluster.StartAsync();
        await using var chat = await Chat.OpenAsync(cluster);
        await chat.Agent.Connection.InvokeAsync("Send", chat.Id, "请问您办理什么业务？");
        var lastSeen = (await chat.Visitor.WaitForAsync(m => m.Text == "请问您办理什么业务？")).Seq;

        await cluster.StopRedisAsync();
        // Both nodes store every message; the backplane cannot carry them to the other node meanwhile.
        await chat.Agent.Connection.InvokeAsync("Send", chat.Id, "Redis 停机期间的答复");
        await chat.Visitor.SendAsync(chat.Id, "Redis 停机期间的提问");
        await cluster.StartRedisAsync();

        // Each client reconnects (to its node) and asks for everything after the last message it saw.
        await using var visitor = await cluster.A.ConnectVisitorAsync(chat.Visitor.Token);
        var resumed = await visitor.ResumeAsync(chat.Id, lastSeen);
        Assert.Equal(["agent:Redis 停机期间的答复", "visitor:Redis 停机期间的提问"], resumed.Messages.Select(m => $"{m.Sender}:{m.Text}"));
        await using var agent = await cluster.B.ConnectAgentAsync("li");
        var opened = await agent.Connection.InvokeAsync<View>("Open", chat.Id, lastSeen);
        Assert.Equal(["agent:Redis 停机期间的答复", "visitor:Redis 停机期间的提问"], opened.Messages.Select(m => $"{m.Sender}:{m.Text}"));

        // And the backplane carries the chat live again.
        await agent.Connection.InvokeAsync("Send", chat.Id, "恢复后继续为您服务。");
        await visitor.WaitForAsync(m => m.Text == "恢复后继续为您服务。");
        await visitor.SendAsync(chat.Id, "好的，谢谢。");
        await agent.WaitForAsync(m => m.Text == "好的，谢谢。");
    }

    /// <summary>A visitor on node A escalated and accepted by agent 李娜 connected to node B.</summary>
    private sealed record Chat(VisitorClient Visitor, AgentClient Agent, string Id) : IAsyncDisposable
    {
        public static async Task<Chat> OpenAsync(TwoNodeCluster cluster)
        {
            await cluster.A.CreateAgentAsync("li", "李娜", ["*"]);
            var agent = await cluster.B.ConnectAgentAsync("li");
            await agent.HelloAsync();
            await TwoNodeCluster.WaitUntilOnlineAsync(cluster.A, "li");

            var visitor = await cluster.A.ConnectVisitorAsync();
            var id = (await visitor.StartAsync()).Conversation.Id;
            await visitor.SendAsync(id, "转人工");
            await visitor.WaitForAsync(m => m.Type == "queued");
            // Routing on A offers it to the agent on B (presence through Redis, the offer through the backplane).
            await agent.WaitForOfferAsync(s => s.Id == id);
            await agent.Connection.InvokeAsync<Summary>("Accept", id);
            await visitor.WaitForAsync(m => m.Type == "accepted");
            return new Chat(visitor, agent, id);
        }

        public async ValueTask DisposeAsync()
        {
            await Visitor.DisposeAsync();
            await Agent.DisposeAsync();
        }
    }
}
