using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Operations;

/// <summary>
/// <c>/metrics</c> serves the service's counters in Prometheus's text format to loopback and the configured networks
/// only. It runs alone: OpenTelemetry listens process-wide by meter name, so another test's host, ending while this one
/// is scraped, retires the metric stream both hosts' instruments feed.
/// </summary>
[Collection(nameof(ProcessWideMeters))]
public sealed class MetricsTests
{
    [Fact]
    public async Task AScrapeAfterQuestionsFindsQuestionsDecisionsByKindQueueWaitAndHubConnections()
    {
        await using var host = new ConversationHost().Start();
        using var http = new HttpClient { BaseAddress = host.Address };
        // Earlier hosts of this process may have fed the same streams, so only lower bounds are asserted here; the nginx
        // cluster test (ProxyPathTests, one node per process) checks exact counts.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/metrics")).StatusCode);

        (await http.PostAsJsonAsync("/api/ask", new { question = "身份证丢了怎么补办" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/api/ask", new { question = "身份证丢了怎么补办" })).EnsureSuccessStatusCode();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        await using var agent = await host.ConnectAgentAsync("zhang");
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, "转人工");
        await visitor.WaitForAsync(m => m.Type == "queued", seconds: 30);
        await agent.Connection.InvokeAsync<Summary>("Accept", id);
        await visitor.WaitForAsync(m => m.Type == "accepted", seconds: 30);
        var after = await http.GetStringAsync("/metrics");

        Assert.True(Value(after, "govassistant_questions_total", "channel=\"api\"") >= 2);
        Assert.True(Value(after, "govassistant_decisions_total", "decision=\"answered\"") >= 2);
        Assert.True(Value(after, "govassistant_decisions_total", "decision=\"humanRequested\"") >= 1);
        Assert.True(Value(after, "govassistant_questions_total", "channel=\"web\"") >= 1);
        Assert.True(Value(after, "govassistant_queue_wait_seconds_count") >= 1);
        Assert.True(Value(after, "govassistant_hub_connections", "hub=\"visitor\"") >= 1);
        Assert.True(Value(after, "govassistant_hub_connections", "hub=\"agent\"") >= 1);
        Assert.Contains("# TYPE govassistant_queue_length gauge", after);
    }

    [Fact]
    public async Task MetricsAreHiddenFromClientsOutsideLoopbackAndTheAllowedNetworks()
    {
        await using var closed = new ConversationHost().Start();
        await using var open = new ConversationHost(settings: new Dictionary<string, string> { ["Metrics:AllowedNetworks:0"] = "203.0.113.0/24" }).Start();

        var fromLoopback = await ScrapeAsync(closed.Address, claimedAddress: null);
        var fromCitizen = await ScrapeAsync(closed.Address, claimedAddress: "198.51.100.7");
        var fromMonitoring = await ScrapeAsync(open.Address, claimedAddress: "203.0.113.9");
        var fromOther = await ScrapeAsync(open.Address, claimedAddress: "198.51.100.7");

        Assert.Equal(HttpStatusCode.OK, fromLoopback);
        Assert.Equal(HttpStatusCode.NotFound, fromCitizen);
        Assert.Equal(HttpStatusCode.OK, fromMonitoring);
        Assert.Equal(HttpStatusCode.NotFound, fromOther);
    }

    [Fact]
    public void AMalformedAllowedNetworkStopsStartUpWithAChineseMessage()
    {
        using var folder = new TempFolder();
        using var app = new LoopbackApp(folder.Path, new Dictionary<string, string> { ["Metrics:AllowedNetworks:0"] = "10.0.0.0/99" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Start());

        Assert.Contains("Metrics:AllowedNetworks 中的“10.0.0.0/99”不是有效的网段", error.Message);
    }

    /// <summary>A scrape as a client at <paramref name="claimedAddress"/> reaching the node through a proxy on loopback.</summary>
    private static async Task<HttpStatusCode> ScrapeAsync(Uri address, string? claimedAddress)
    {
        using var http = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (claimedAddress is not null) request.Headers.Add("X-Forwarded-For", claimedAddress);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The sum of a metric's series whose labels contain <paramref name="label"/>.</summary>
    private static double Value(string text, string metric, string label = "") =>
        Regex.Matches(text, $@"^{Regex.Escape(metric)}(\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
            .Where(m => m.Groups[1].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
}

/// <summary>Tests whose hosts' metrics must not meet another host's: they run after the parallel ones, one at a time.</summary>
[CollectionDefinition(nameof(ProcessWideMeters), DisableParallelization = true)]
public sealed class ProcessWideMeters;
