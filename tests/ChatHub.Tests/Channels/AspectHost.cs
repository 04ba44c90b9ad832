using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.DirectLine;
using GovAssistant.ChatHub.Tests.WeChat;

namespace GovAssistant.ChatHub.Tests.Channels;

/// <summary>One real host with WeChat (fake server on loopback) and Direct Line switched on, shared by the aspect tests.</summary>
public sealed class AspectHost : IAsyncLifetime
{
    public WeChatHost Host { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    public DirectLineClient DirectLine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await WeChatHost.StartAsync(new() { ["DirectLine:Secrets:0"] = DirectLineClient.Secret });
        Rest = new HttpClient { BaseAddress = Host.Chat.Address };
        DirectLine = new DirectLineClient(Host.Chat.Address);
    }

    /// <summary><c>POST /api/ask</c> in <paramref name="conversationId"/>.</summary>
    public async Task<JsonNode> AskAsync(string question, string conversationId)
    {
        using var response = await Rest.PostAsJsonAsync("/api/ask", new { question, conversationId });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Says <paramref name="text"/> on Direct Line and returns the bot's reply to it.</summary>
    public async Task<JsonObject> SayOnDirectLineAsync(Session session, string text)
    {
        var sent = await DirectLine.SayAsync(session, text);
        // The stream replays the conversation from its start: the reply is waited for as an event, not polled.
        await using var stream = await ActivityStream.OpenAsync(session.StreamUrl);
        return await stream.WaitForAsync(a => a.Str("replyToId") == sent && a["from"]?["role"]?.GetValue<string>() == "bot", seconds: 15);
    }

    /// <summary>Pushes <paramref name="text"/> from a WeChat user and returns the next customer-service message sent to them.</summary>
    public async Task<string> SayOnWeChatAsync(string openId, string text)
    {
        var before = Replies(openId).Count();
        await Host.Mini.PushAsync(WeChatPusher.Text(openId, text));
        await Host.WeChat.WaitForSentAsync(_ => Replies(openId).Count() > before);
        return Replies(openId).Skip(before).First();
    }

    // What the user was sent in answer to their messages (a welcome, if any, is not an answer).
    private IEnumerable<string> Replies(string openId) =>
        Host.WeChat.Sent.Where(m => m.ToUser == openId && !m.Content.StartsWith("您好！我是政务服务智能助手", StringComparison.Ordinal)).Select(m => m.Content);

    public async Task DisposeAsync()
    {
        DirectLine.Dispose();
        Rest.Dispose();
        await Host.DisposeAsync();
    }
}
