using System.Net;
using System.Net.Http.Json;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>Two nodes behind nginx, started once for the tests of the proxy path (none of them stops a node).</summary>
public sealed class TwoNodesBehindNginx : IAsyncLifetime
{
    /// <summary>One question per client address per node, never refilled during a test: the forwarded-header test counts on it.</summary>
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimits:Ask:Burst"] = "1",
        ["RateLimits:Ask:PermitsPerMinute"] = "1",
    };

    public NginxCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await NginxCluster.StartAsync(settings: Settings);

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

/// <summary>
/// What a citizen reaches at the proxy's address is the service: the visitor page, a chat over WebSockets (negotiate
/// and connect on one node), the client's own address for rate limits, and nothing of the nodes' metrics.
/// </summary>
public sealed class ProxyPathTests(TwoNodesBehindNginx fixture) : IClassFixture<TwoNodesBehindNginx>
{
    private NginxCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task TheVisitorPageAndABotChatOverWebSocketsWorkThroughNginx()
    {
        using var http = new HttpClient { BaseAddress = Cluster.Address };
        using var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await using var visitor = await Cluster.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, "身份证丢了怎么补办");
        var answer = await visitor.WaitForAsync(m => m.Sender == "bot" && m.Decision is not null);

        Assert.Equal("answered", answer.Decision);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, visitor.Connection.State);
        // Exactly one node holds the connection: negotiate and the WebSocket reached the same process.
        Assert.Equal(1, (await Task.WhenAll(Cluster.Nodes.Select(n => NginxCluster.ScrapeAsync(n, "govassistant_hub_connections", "hub=\"visitor\"")))).Sum());
    }

    [Fact]
    public async Task RateLimitsCountTheAddressTheProxySawAndIgnoreWhatClientsClaim()
    {
        // Citizen 127.0.0.2 claims a new address on every question: the proxy overwrites the claim, so on each node it
        // is one client with one question (Burst 1): two answers in all, then 429s.
        using var first = SourceAddressClient.Create(Cluster.Address, "127.0.0.2");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10 && statuses.Count(s => s == HttpStatusCode.OK) < Cluster.Nodes.Count; i++)
            statuses.Add(await AskAsync(first, claimedAddress: $"203.0.113.{10 + i}"));
        var afterSpent = await AskAsync(first, claimedAddress: "203.0.113.99");

        // Another citizen behind the same proxy still has its own question on whichever node it reaches.
        using var second = SourceAddressClient.Create(Cluster.Address, "127.0.0.3");
        var other = await AskAsync(second, claimedAddress: null);

        Assert.Equal(Cluster.Nodes.Count, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, afterSpent);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task ANodeTrustsForwardedHeadersFromTheProxysAddressOnly()
    {
        // Straight to a node from 127.0.0.4 (not the configured proxy 127.0.0.1): the claimed addresses change nothing.
        using var direct = SourceAddressClient.Create(Cluster.Nodes[0].Address, "127.0.0.4");

        var statuses = new[] { await AskAsync(direct, "198.51.100.1"), await AskAsync(direct, "198.51.100.2") };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task MetricsAreNotServedThroughTheProxyButEachNodeServesItsOwnOnLoopback()
    {
        using var http = new HttpClient { BaseAddress = Cluster.Address };
        using var throughProxy = await http.GetAsync("/metrics");
        using var node = new HttpClient { BaseAddress = Cluster.Nodes[1].Address };
        var own = await node.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, throughProxy.StatusCode);
        Assert.Contains("# TYPE govassistant_queue_length gauge", own);
    }

    [Fact]
    public async Task TheNodesMetricsAddUpToTheQuestionsAskedThroughTheProxy()
    {
        var before = await QuestionsAsync();
        await using var visitor = await Cluster.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        foreach (var question in new[] { "居住证怎么办理", "社保卡丢了怎么办", "公积金怎么提取" })
        {
            var seen = visitor.Messages.Count(m => m.Decision is not null);
            await visitor.SendAsync(id, question);
            await visitor.WaitForAsync(_ => visitor.Messages.Count(m => m.Decision is not null) > seen);
        }

        Assert.Equal(3, await QuestionsAsync() - before);
    }

    private async Task<double> QuestionsAsync() =>
        (await Task.WhenAll(Cluster.Nodes.Select(n => NginxCluster.ScrapeAsync(n, "govassistant_questions_total", "channel=\"web\"")))).Sum();

    private static async Task<HttpStatusCode> AskAsync(HttpClient http, string? claimedAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "居住证怎么办理" }) };
        if (claimedAddress is not null) request.Headers.Add("X-Forwarded-For", claimedAddress);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
