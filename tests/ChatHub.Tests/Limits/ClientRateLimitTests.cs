using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.DirectLine;
using GovAssistant.ChatHub.Tests.WeChat;
using Microsoft.AspNetCore.SignalR;

namespace GovAssistant.ChatHub.Tests.Limits;

/// <summary>
/// One client flooding an entry point is refused (429 with a Chinese ProblemDetails, or a hub error) while another
/// client is still answered. The buckets refill one token a minute here, so nothing depends on how fast the run is.
/// </summary>
public sealed class ClientRateLimitTests
{
    private static Dictionary<string, string> Limits(string rule, int burst) => new()
    {
        [$"RateLimits:{rule}:Burst"] = burst.ToString(),
        [$"RateLimits:{rule}:PermitsPerMinute"] = "1",
    };

    [Fact]
    public async Task OneAddressFloodingAskGets429sWhileAnotherAddressIsStillAnswered()
    {
        await using var host = new ConversationHost(settings: Limits("Ask", 5)).Start();
        using var http = new HttpClient { BaseAddress = host.Address };

        var flood = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++) flood.Add(await AskAsync(http, "203.0.113.10", "居住证怎么办理"));
        var other = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++) other.Add(await AskAsync(http, "203.0.113.11", "身份证丢了怎么补办"));

        Assert.Equal(5, flood.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(15, flood.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(other, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var refused = flood.Last();
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Contains("请求过于频繁", problem["detail"]!.GetValue<string>());
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        foreach (var r in flood.Concat(other)) r.Dispose();
    }

    [Fact]
    public async Task AVisitorFloodingSendGetsAHubErrorAndNothingMoreIsStoredWhileAnotherVisitorIsAnswered()
    {
        await using var host = new ConversationHost(settings: Limits("HubCalls", 6)).Start();
        await using var flooder = await host.ConnectVisitorAsync();
        await using var calm = await host.ConnectVisitorAsync();
        var view = await flooder.StartAsync();   // one call

        var refusals = new List<HubException>();
        for (var i = 0; i < 15; i++)
        {
            try { await flooder.SendAsync(view.Conversation.Id, "洪水" + i); }
            catch (HubException e) { refusals.Add(e); }
        }
        var calmView = await calm.StartAsync();
        await calm.SendAsync(calmView.Conversation.Id, "居住证怎么办理");
        await calm.WaitForAsync(m => m.Sender == "bot" && m.Decision == "answered");

        Assert.Equal(10, refusals.Count);   // 6 calls: Start and 5 Sends
        Assert.All(refusals, e => Assert.Contains("操作过于频繁", e.Message));
        var history = await host.Services.GetRequiredService<GovAssistant.ChatHub.Conversations.IConversationStore>()
            .GetMessagesAsync(view.Conversation.Id, 0, includeNotes: false);
        Assert.Equal(5, history.Count(m => m.Text.StartsWith("洪水", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ADirectLineConversationFloodingActivitiesGets429sWhileAnotherConversationIsAnswered()
    {
        await using var host = DirectLineClient.Host(Limits("DirectLine", 3)).Start();
        using var client = new DirectLineClient(host.Address);
        var flooder = await client.NewSessionAsync();
        var calm = await client.NewSessionAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var r = await client.SendAsync(HttpMethod.Post, $"/conversations/{flooder.ConversationId}/activities", flooder.Token,
                $$"""{"type":"message","from":{"id":"r_flood"},"text":"洪水{{i}}"}""");
            statuses.Add(r.StatusCode);
        }
        var id = await client.SayAsync(calm, "居住证怎么办理");

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.NotEmpty(id);
    }

    [Fact]
    public async Task AWeChatUserFloodingPushesGets429sWhileAnotherUserIsAnswered()
    {
        await using var host = await WeChatHost.StartAsync(Limits("WeChat", 3));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var r = await host.Mini.PushAsync(WeChatPusher.Text("o_flooder", "洪水" + i));
            statuses.Add(r.StatusCode);
        }
        using var calm = await host.Mini.PushAsync(WeChatPusher.Text("o_calm", "谢谢"));

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, calm.StatusCode);
        await host.WeChat.WaitForSentAsync(m => m.ToUser == "o_calm");
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient http, string forwardedFor, string question)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question }) };
        // The test client is on loopback, the proxy the host trusts by default: it tells the citizen's address.
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return http.SendAsync(request);
    }
}
