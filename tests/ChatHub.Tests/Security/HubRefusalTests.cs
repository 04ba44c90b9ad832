using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace GovAssistant.ChatHub.Tests.Security;

/// <summary>What a refused hub call tells the caller, and what it leaves in the log.</summary>
public sealed class HubRefusalTests
{
    private const string Malformed = "无法识别的字符";

    [Fact]
    public async Task AVisitorProbingAnotherConversationFillsNeitherTheErrorLogNorTheInformationLog()
    {
        var log = new LogRecorder();
        await using var host = new ConversationHost(
            settings: new Dictionary<string, string> { ["Logging:LogLevel:GovAssistant"] = "Information" },
            configure: b => b.ConfigureLogging(l => l.AddProvider(log))).Start();
        await using var alice = await host.ConnectVisitorAsync();
        await using var mallory = await host.ConnectVisitorAsync();
        var id = (await alice.StartAsync()).Conversation.Id;

        for (var i = 0; i < 30; i++)
            Assert.Contains("无权访问", (await Assert.ThrowsAsync<HubException>(() => mallory.ResumeAsync(id, 0))).Message);

        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
        var refusals = log.Entries.Where(e => e.Message.Contains("无权访问")).ToList();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, e => Assert.Equal((LogLevel.Information, null), (e.Level, e.Exception)));
        Assert.InRange(refusals.Count, 1, 20);                       // ten a minute, however fast the loop runs
    }

    [Fact]
    public async Task AnAgentAcceptingAnotherDepartmentsBotConversationLearnsNothingOfItsState()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("tax.li", "李税", ["税务局"]);
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;     // in Bot state, of no department yet
        await using var agent = await host.ConnectAgentAsync("tax.li");

        var refused = await Assert.ThrowsAsync<HubException>(() => agent.Connection.InvokeAsync("Accept", id));

        Assert.Contains("无权访问该会话", refused.Message);
        Assert.DoesNotContain("Bot", refused.Message);
        Assert.DoesNotContain("状态", refused.Message);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\0\0\0")]
    [InlineData("\u0001\u001f\u007f")]
    [InlineData(" \u200b\t")]
    public async Task BlankTextIsRefusedByTheVisitorHub(string text)
    {
        await using var host = new ConversationHost().Start();
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.SendAsync(id, text));

        Assert.Contains("消息不能为空", refused.Message);
        Assert.DoesNotContain(visitor.Messages, m => m.Sender == "visitor");
    }

    [Fact]
    public async Task ALoneSurrogateIsRefusedByTheVisitorHubInChinese()
    {
        await using var host = new ConversationHost().Start();
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;

        // As a browser sends it: JSON.stringify writes a lone surrogate as the escape \ud800 (the .NET client would
        // have replaced it), so the invocation goes over a raw WebSocket.
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new UriBuilder(host.Address) { Scheme = "ws", Path = "/hubs/visitor", Query = "access_token=" + Uri.EscapeDataString(visitor.Token) }.Uri, default);
        await SendFrameAsync(socket, "{\"protocol\":\"json\",\"version\":1}");
        Assert.Equal("{}", await ReceiveFrameAsync(socket, _ => true));
        await SendFrameAsync(socket, $$"""{"type":1,"invocationId":"7","target":"Send","arguments":["{{id}}","你好\ud800"]}""");

        var completion = JsonNode.Parse(await ReceiveFrameAsync(socket, f => f.Contains("\"invocationId\":\"7\"")))!;

        var error = completion["error"]!.GetValue<string>();
        Assert.True(error.Contains("HubException: 内容含有" + Malformed), error);          // what GovChat.hubError shows the visitor
        // The connection survives the refusal.
        await visitor.SendAsync(id, "居住证怎么办理");
        await visitor.WaitForAsync(m => m.Sender == "bot");
        Assert.DoesNotContain(visitor.Messages, m => m.Text.Contains('\ufffd'));
    }

    [Fact]
    public async Task AWrongArgumentTypeIsRefusedInChinese()
    {
        await using var host = new ConversationHost().Start();
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;

        var refused = await Assert.ThrowsAsync<HubException>(() => visitor.Connection.InvokeAsync("Send", id, new { nested = new[] { 1, 2 } }));

        Assert.Contains("参数格式不正确", refused.Message);
    }

    private static Task SendFrameAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + "\u001e"), WebSocketMessageType.Text, true, default);

    // The first SignalR frame matching, skipping pings and other messages; frames end with the record separator.
    private static async Task<string> ReceiveFrameAsync(ClientWebSocket socket, Func<string, bool> match)
    {
        var pending = new StringBuilder();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, timeout.Token);
            pending.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
            var frames = pending.ToString().Split('\u001e');
            foreach (var frame in frames[..^1])
            {
                if (match(frame)) return frame;
            }
            pending.Clear().Append(frames[^1]);
        }
    }
}
