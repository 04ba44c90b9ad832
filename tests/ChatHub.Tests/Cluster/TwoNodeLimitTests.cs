using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>
/// Per-client limits count the client's calls on every node together: a client sending its requests to two nodes
/// gets the configured rate, not twice it; other clients are not touched; and with Redis gone each node still
/// limits (and serves) on its own.
/// </summary>
public sealed class TwoNodeLimitTests
{
    // Four questions, then one more a minute: nothing refills within a test.
    private static readonly Dictionary<string, string> FourAsks = new()
    {
        ["RateLimits:Ask:Burst"] = "4",
        ["RateLimits:Ask:PermitsPerMinute"] = "1",
        ["RateLimits:HubCalls:Burst"] = "4",
        ["RateLimits:HubCalls:PermitsPerMinute"] = "1",
    };

    [Fact]
    public async Task AClientAskingBothNodesInTurnGetsTheBurstOnceAcrossThemAndAnotherClientIsUntouched()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(FourAsks);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) statuses.Add(await AskAsync(i % 2 == 0 ? cluster.A : cluster.B, "203.0.113.5"));
        var other = await AskAsync(cluster.B, "203.0.113.6");

        // Each node alone would have let four through (eight in all); together they let four.
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(4));
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public async Task AVisitorsHubCallsOnTwoNodesDrawFromOneBucket()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(FourAsks);
        await using var onA = await cluster.A.ConnectVisitorAsync();
        // The same visitor (one token, valid on every node: one key ring) on the other node too.
        await using var onB = await cluster.B.ConnectVisitorAsync(onA.Token);

        var refused = 0;
        for (var i = 0; i < 8; i++)
        {
            try
            {
                await (i % 2 == 0 ? onA : onB).StartAsync();
            }
            catch (HubException e) when (e.Message.Contains("操作过于频繁"))
            {
                refused++;
            }
        }

        Assert.Equal(4, refused);
    }

    [Fact]
    public async Task WithRedisGoneEachNodeStillServesAndLimitsOnItsOwn()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(FourAsks);
        await cluster.StopRedisAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add(await AskAsync(cluster.A, "203.0.113.7"));

        // Not refused for want of Redis: the node's own bucket decides (four, then 429).
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task<HttpStatusCode> AskAsync(ConversationHost node, string clientAddress)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "身份证丢了怎么补办" }) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
