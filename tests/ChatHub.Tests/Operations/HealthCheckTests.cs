using System.Net;
using System.Text.Json;
using GovAssistant.ChatHub.Tests.Infrastructure;
using GovAssistant.Tests.Shared;

namespace GovAssistant.ChatHub.Tests.Operations;

/// <summary>
/// <c>/healthz/live</c> says the process answers; <c>/healthz/ready</c> says the node can serve: its database
/// (SQLite or PostgreSQL) answers, the bank is loaded, and Redis answers when it is configured. A load balancer
/// takes a node out on 503 from readiness, never restarts it for a dependency that is down.
/// </summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task OnSqliteTheNodeIsLiveAndReadyWithItsDatabaseAndBankAndHealthzStillReportsTheBank()
    {
        using var folder = new TempFolder();
        await using var app = new LoopbackApp(folder.Path);
        using var http = new HttpClient { BaseAddress = app.Start() };

        var (liveStatus, live) = await GetAsync(http, "/healthz/live");
        var (readyStatus, ready) = await GetAsync(http, "/healthz/ready");
        var (_, legacy) = await GetAsync(http, "/healthz");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("healthy", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal(["bank", "database"], ready.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
        Assert.All(ready.GetProperty("checks").EnumerateObject(), c => Assert.Equal("healthy", c.Value.GetProperty("status").GetString()));
        Assert.True(legacy.GetProperty("entries").GetInt32() > 0);
        Assert.Equal("ok", legacy.GetProperty("database").GetProperty("integrity").GetString());
    }

    [Fact]
    public async Task WithRedisConfiguredTheNodeIsNotReadyWhileRedisIsDownButStaysLive()
    {
        await using var redis = await RedisServer.StartNewAsync();
        using var folder = new TempFolder();
        await using var app = new LoopbackApp(folder.Path, new Dictionary<string, string> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        using var http = new HttpClient { BaseAddress = app.Start() };
        var (before, report) = await GetAsync(http, "/healthz/ready");

        await redis.StopAsync();
        var (down, downReport) = await WaitForReadinessAsync(http, HttpStatusCode.ServiceUnavailable);
        var (live, _) = await GetAsync(http, "/healthz/live");
        await redis.StartAsync();
        var (back, _) = await WaitForReadinessAsync(http, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal("healthy", report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Equal("unhealthy", downReport.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("healthy", downReport.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), downReport.GetRawText());
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.OK, back);
    }

    [Fact]
    public async Task OnPostgresReadinessChecksThePostgresDatabaseAndFailsWhenItIsGone()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        using var folder = new TempFolder();
        await using var app = new LoopbackApp(folder.Path, new Dictionary<string, string>
        {
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Postgres"] = database,
        });
        using var http = new HttpClient { BaseAddress = app.Start() };
        var (before, _) = await GetAsync(http, "/healthz/ready");

        await PostgresServer.DropDatabaseAsync(database);
        var (after, report) = await WaitForReadinessAsync(http, HttpStatusCode.ServiceUnavailable);

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after);
        Assert.Equal("unhealthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", report.GetProperty("checks").GetProperty("bank").GetProperty("status").GetString());
    }

    /// <summary>Readiness as the balancer polls it, until it answers <paramref name="expected"/> (a dependency's outage is seen at the next check).</summary>
    private static async Task<(HttpStatusCode, JsonElement)> WaitForReadinessAsync(HttpClient http, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (status, report) = await GetAsync(http, "/healthz/ready");
            if (status == expected || DateTime.UtcNow > deadline) return (status, report);
            await Task.Delay(100);
        }
    }

    private static async Task<(HttpStatusCode, JsonElement)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
