using System.Text.Json;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Insights;

/// <summary>Agents see a visitor's identifiers masked; revealing one is allowed to those who see the chat, and audited.</summary>
public sealed class TranscriptRevealTests
{
    private const string Question = "我手机13812345678，身份证丢了怎么补办";

    [Fact]
    public async Task AgentsSeeVisitorMessagesMaskedAndARevealReturnsTheOriginalAndIsAudited()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        await host.CreateAgentAsync("li", "李娜", ["民政局"]);
        await using var agent = await host.ConnectAgentAsync("zhang");
        await agent.HelloAsync();
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, Question);
        await visitor.Connection.InvokeAsync("RequestHuman", id);
        await agent.Connection.InvokeAsync<JsonElement>("Accept", id);

        var view = await agent.Connection.InvokeAsync<JsonElement>("Open", id, 0L);
        var said = view.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("sender").GetString() == "visitor");
        Assert.Equal("我手机138****5678，身份证丢了怎么补办", said.GetProperty("text").GetString());
        Assert.True(said.GetProperty("masked").GetBoolean());
        // The visitor sees their own words.
        Assert.Contains(visitor.Messages, m => m.Sender == "visitor" && m.Text == Question);

        var seq = said.GetProperty("seq").GetInt64();
        Assert.Equal(Question, await agent.Connection.InvokeAsync<string>("Reveal", id, seq));
        var audit = await host.Services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery(Action: "transcript.reveal"));
        var entry = Assert.Single(audit);
        Assert.Equal(("zhang", id), (entry.Actor, entry.Target));

        // A colleague of another department who is not in the conversation may not reveal anything.
        await using var other = await host.ConnectAgentAsync("li");
        await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync<string>("Reveal", id, seq));
        Assert.Single(await host.Services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery(Action: "transcript.reveal")));
    }
}
