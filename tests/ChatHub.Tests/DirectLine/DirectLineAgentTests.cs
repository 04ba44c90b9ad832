using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.DirectLine;

/// <summary>
/// A Direct Line user handed to a person: the agent works in the console over SignalR, the user sees it all as
/// activities in the stream, except private notes; after closing, the rating buttons rate the service.
/// </summary>
public sealed class DirectLineAgentTests
{
    [Fact]
    public async Task TheAgentAndTheUserSeeEachOthersTypingAndWordsButNeverPrivateNotes()
    {
        await using var host = DirectLineClient.Host().Start();
        using var client = new DirectLineClient(host.Address);
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        await using var agent = await host.ConnectAgentAsync("zhang");
        await agent.HelloAsync();
        var session = await client.NewSessionAsync();
        await using var stream = await ActivityStream.OpenAsync(session.StreamUrl);

        await client.SayAsync(session, "转人工");
        var queued = await stream.WaitForAsync(a => a["channelData"]?["govassistant"].Str("type") == "queued");
        Assert.Contains("转接人工客服", queued.Str("text"));
        var summary = await agent.Connection.InvokeAsync<Summary>("Accept", session.ConversationId);
        Assert.Equal("directline", summary.Channel);
        await stream.WaitForAsync(a => a.Str("text")?.Contains("张敏 为您服务") == true);

        // The agent's typing shows in Web Chat as a typing activity from the agent, outside the transcript's watermarks.
        await agent.Connection.InvokeAsync("Typing", session.ConversationId);
        var agentTyping = await stream.WaitForAsync(a => a.Str("type") == "typing");
        Assert.Equal("张敏", agentTyping["from"].Str("name"));
        Assert.Null(agentTyping.Str("id"));

        await agent.Connection.InvokeAsync("Note", session.ConversationId, "内部备注：核实身份");
        await agent.Connection.InvokeAsync("Send", session.ConversationId, "您好，我是人工客服张敏，请问有什么可以帮您？");
        var reply = await stream.WaitForAsync(a => a.Str("type") == "message" && a["from"].Str("name") == "张敏");
        Assert.Equal("bot", reply["from"].Str("role"));
        Assert.Equal("plain", reply.Str("textFormat"));
        Assert.Equal("您好，我是人工客服张敏，请问有什么可以帮您？", reply.Str("text"));

        // The user's typing and words reach the agent's console.
        var typing = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        agent.Connection.On<string>("VisitorTyping", id => typing.TrySetResult(id));
        await agent.Connection.InvokeAsync<View>("Open", session.ConversationId, 0L);
        await client.JsonAsync(HttpMethod.Post, $"/conversations/{session.ConversationId}/activities", session.Token, """{"type":"typing","from":{"id":"r_test"}}""");
        Assert.Equal(session.ConversationId, await typing.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await client.SayAsync(session, "我想问居住证签注");
        await agent.WaitForAsync(m => m.Sender == "visitor" && m.Text == "我想问居住证签注");

        var polled = await client.ActivitiesAsync(session);
        Assert.DoesNotContain(stream.Activities.Concat(polled["activities"]!.AsArray().Select(a => a!.AsObject())),
            a => a.Str("text")?.Contains("内部备注") == true);
    }

    [Fact]
    public async Task AfterTheAgentClosesTheRatingButtonsRateTheService()
    {
        await using var host = DirectLineClient.Host().Start();
        using var client = new DirectLineClient(host.Address);
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        await using var agent = await host.ConnectAgentAsync("zhang");
        await agent.HelloAsync();
        var session = await client.NewSessionAsync();
        await using var stream = await ActivityStream.OpenAsync(session.StreamUrl);
        await client.SayAsync(session, "人工");
        await stream.WaitForAsync(a => a["channelData"]?["govassistant"].Str("type") == "queued");
        await agent.Connection.InvokeAsync<Summary>("Accept", session.ConversationId);

        await agent.Connection.InvokeAsync("Close", session.ConversationId);
        var closed = await stream.WaitForAsync(a => a["channelData"]?["govassistant"].Str("type") == "closed");
        Assert.Equal(["非常满意", "满意", "基本满意", "不满意", "非常不满意"], closed.Buttons());

        var id = await client.SayAsync(session, "满意");
        var echo = await stream.WaitForAsync(a => a.Str("id") == id);
        Assert.Equal("满意", echo.Str("text"));
        await stream.WaitForAsync(a => a.Str("text") == "感谢您的评价：满意。");
        var view = await agent.Connection.InvokeAsync<View>("Open", session.ConversationId, 0L);
        Assert.Equal(4, view.Conversation.Rating);

        // Once rated, the closed conversation takes no more messages.
        using var again = await client.SendAsync(HttpMethod.Post, $"/conversations/{session.ConversationId}/activities", session.Token,
            """{"type":"message","text":"非常满意"}""");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("会话已结束", await again.Content.ReadAsStringAsync());
    }
}
