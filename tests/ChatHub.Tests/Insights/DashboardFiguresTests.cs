using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Tests.Insights;

/// <summary>The <see cref="KnownHistory"/> played once on one host, with a supervisor signed in.</summary>
public sealed class KnownHistoryFixture : IAsyncLifetime
{
    public InsightsHost Host { get; } = new(KnownHistory.Start, new Dictionary<string, string>
    {
        // Only "no answer" joins the clusters here, so the clusters do not hang on the engine's confidence figures.
        ["Insights:LowConfidence"] = "0",
    });

    public KnownHistory History { get; private set; } = null!;

    public HttpClient Supervisor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host.Start();
        History = await KnownHistory.PlayAsync(Host);
        Supervisor = await Host.StaffAsync("wang.fang", "王芳", "supervisor");
    }

    public async Task DisposeAsync()
    {
        Supervisor.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>Every dashboard figure, checked exactly on the <see cref="KnownHistory"/>.</summary>
public sealed class DashboardFiguresTests(KnownHistoryFixture fixture) : IClassFixture<KnownHistoryFixture>
{
    private readonly InsightsHost _host = fixture.Host;
    private readonly KnownHistory _history = fixture.History;
    private readonly HttpClient _supervisor = fixture.Supervisor;

    [Fact]
    public async Task BotFiguresCountQuestionsResolutionClarificationAndEscalation()
    {
        var summary = (await DashboardAsync())["summary"]!;

        Assert.Equal(7, summary["questions"]!.GetValue<int>());
        Assert.Equal(7, summary["botQuestions"]!.GetValue<int>());
        Assert.Equal(1, summary["resolved"]!.GetValue<int>());          // A only: B got 👎 and went to a person, G went to a person
        Assert.Equal(1, summary["clarified"]!.GetValue<int>());
        Assert.Equal(2, summary["escalated"]!.GetValue<int>());
        Assert.Equal(3, summary["unanswered"]!.GetValue<int>());
        Assert.Equal(Math.Round(1 / 7.0, 4), summary["resolutionRate"]!.GetValue<double>());
        Assert.Equal(Math.Round(1 / 7.0, 4), summary["clarificationRate"]!.GetValue<double>());
        Assert.Equal(Math.Round(2 / 7.0, 4), summary["escalationRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task QueueWaitFirstResponseAndDurationAreMeasuredFromTheTranscripts()
    {
        var summary = (await DashboardAsync())["summary"]!;

        AssertSpread(summary["queueWait"]!, 2, 120, 360, 240);        // B waited 2 min, G 6 min
        AssertSpread(summary["firstResponse"]!, 2, 30, 60, 45);       // B 30 s, G 1 min
        AssertSpread(summary["duration"]!, 3, 600, 600, 500);         // A 5 min, B 10 min, G 10 min; tickets are open
    }

    [Fact]
    public async Task RatingsBadRatingsFollowUpsAndTicketsAreCounted()
    {
        var followUp = await _supervisor.PostAsJsonAsync("/api/admin/insights/followups", new { conversationId = _history.G, note = "已电话回访" });
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);

        var report = await DashboardAsync();
        var summary = report["summary"]!;

        Assert.Equal(3, summary["rated"]!.GetValue<int>());
        Assert.Equal(2.67, summary["averageRating"]!.GetValue<double>());
        Assert.Equal(2, summary["badRatings"]!.GetValue<int>());
        Assert.Equal(1, summary["badRatingsFollowedUp"]!.GetValue<int>());
        Assert.Equal(2, summary["ticketsOpen"]!.GetValue<int>());
        Assert.Equal(1, summary["ticketsOverdue"]!.GetValue<int>());
        Assert.Equal([["非常满意", "5", "1"], ["满意", "4", "0"], ["基本满意", "3", "0"], ["不满意", "2", "1"], ["非常不满意", "1", "1"]], Rows(report, "satisfaction"));
        Assert.Equal(
            [
                [_history.B, "2026-03-02 09:20", "非常不满意", "等太久了，请回电138****5678", Department(_history.B), "未跟进", "", ""],
                [_history.G, "2026-03-02 15:10", "不满意", "", Department(_history.G), "已跟进", "已电话回访", "wang.fang"],
            ],
            Rows(report, "badRatings"));
        Assert.Equal([[_history.F, "2026-03-02 09:30", "", "50.5", "超时"], [_history.D, "2026-03-03 10:05", "", "25.9", "未超时"]], Rows(report, "tickets"));
    }

    [Fact]
    public async Task QuestionsPerDayAndHourHotQuestionsCategoriesChannelsAndClusters()
    {
        var report = await DashboardAsync();
        var engine = _host.Services.GetRequiredService<AnswerEngine>();

        Assert.Equal([["2026-03-02", "4"], ["2026-03-03", "3"], ["2026-03-04", "0"]], Rows(report, "perDay"));
        var hours = Rows(report, "perHour");
        Assert.Equal(24, hours.Length);
        Assert.Equal(new Dictionary<string, string> { ["09:00"] = "3", ["10:00"] = "1", ["14:00"] = "2", ["15:00"] = "1" },
            hours.Where(h => h[1] != "0").ToDictionary(h => h[0], h => h[1]));
        var hot = Rows(report, "hotQuestions");
        Assert.Equal(new[] { "SB-006", "SF-001", _history.PickedEntryId }.Order(), hot.Select(r => r[1]).Order());
        Assert.All(hot, r => Assert.Equal("1", r[2]));
        Assert.All(hot, r => Assert.Equal(engine.FindEntry(r[1])!.Question, r[0]));
        var categories = Rows(report, "hotCategories").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("1", categories[engine.FindEntry("SF-001")!.Category!]);
        Assert.Equal("1", categories[engine.FindEntry("SB-006")!.Category!]);
        Assert.Equal([["web", "5"], ["api", "2"]], Rows(report, "channels"));
        Assert.Equal([["今天天气怎么样", "2", "今天天气怎么样"], ["怎么炒股", "1", "怎么炒股"]], Rows(report, "unanswered"));
        Assert.Equal(["排队等待", "2", "120", "360", "240"], Rows(report, "serviceTimes")[0]);
    }

    [Fact]
    public async Task AChannelFilterNarrowsEveryFigure()
    {
        var report = await DashboardAsync("&channel=api");
        var summary = report["summary"]!;

        Assert.Equal(2, summary["questions"]!.GetValue<int>());
        Assert.Equal(2, summary["unanswered"]!.GetValue<int>());
        Assert.Equal(0, summary["queueWait"]!["count"]!.GetValue<int>());
        Assert.Equal(0, summary["rated"]!.GetValue<int>());
        Assert.Equal(0, summary["ticketsOpen"]!.GetValue<int>());
    }

    [Fact]
    public async Task EveryTableExportsAsUtf8CsvWithAByteOrderMark()
    {
        var report = await DashboardAsync();
        foreach (var table in report["tables"]!.AsArray())
        {
            var name = table!["name"]!.GetValue<string>();
            var response = await _supervisor.GetAsync($"/api/admin/insights/dashboard.csv?{KnownHistory.Period}&table={name}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(string.Join(",", table["columns"]!.AsArray().Select(c => c!.GetValue<string>())), lines[0]);
            Assert.Equal(table["rows"]!.AsArray().Count + 1, lines.Length);
        }
    }

    [Fact]
    public async Task OnlySupervisorsSeeTheDashboardAndInputIsChecked()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/insights/dashboard")).StatusCode);
        using var agent = await _host.StaffAsync("zhao.lei", "赵磊", "agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/admin/insights/dashboard")).StatusCode);

        foreach (var query in new[] { "from=2026-13-01", "from=2026-03-05&to=2026-03-01", "from=2024-01-01&to=2026-03-01", "channel=" + new string('x', 65) })
        {
            var response = await _supervisor.GetAsync("/api/admin/insights/dashboard?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Matches("[\u4e00-\u9fff]", (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await _supervisor.GetAsync("/api/admin/insights/dashboard.csv?table=nope")).StatusCode);
        var notBad = await _supervisor.PostAsJsonAsync("/api/admin/insights/followups", new { conversationId = _history.A, note = "好评无需跟进" });
        Assert.Equal(HttpStatusCode.BadRequest, notBad.StatusCode);
    }

    [Fact]
    public async Task DatesAtTheEndsOfTheCalendarAreRefusedWithAChineseMessageNotAServerError()
    {
        using var editor = await _host.StaffAsync("calendar.editor", "日历编辑", "editor");
        foreach (var dates in new[] { "from=9999-12-31&to=9999-12-31", "from=0001-01-01&to=0001-01-01", "to=0001-01-03" })
        {
            foreach (var (client, path) in new[] { (_supervisor, "dashboard"), (_supervisor, "dashboard.csv?table=perDay"), (editor, "clusters"), (editor, "suggestions") })
            {
                var response = await client.GetAsync($"/api/admin/insights/{path}{(path.Contains('?') ? '&' : '?')}{dates}");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {dates}: {(int)response.StatusCode}");
                Assert.Contains("日期超出范围", (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
            }
        }
    }

    private async Task<JsonNode> DashboardAsync(string extra = "")
    {
        var response = await _supervisor.GetAsync($"/api/admin/insights/dashboard?{KnownHistory.Period}{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private static string[][] Rows(JsonNode report, string table) =>
        report["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == table)!["rows"]!.AsArray()
            .Select(r => r!.AsArray().Select(c => c!.GetValue<string>()).ToArray()).ToArray();

    private string Department(string conversationId) =>
        _host.Services.GetRequiredService<GovAssistant.ChatHub.Conversations.IConversationStore>().GetAsync(conversationId).Result!.Department ?? "";

    private static void AssertSpread(JsonNode spread, int count, double p50, double p90, double average)
    {
        Assert.Equal(count, spread["count"]!.GetValue<int>());
        Assert.Equal(p50, spread["p50Seconds"]!.GetValue<double>());
        Assert.Equal(p90, spread["p90Seconds"]!.GetValue<double>());
        Assert.Equal(average, spread["averageSeconds"]!.GetValue<double>());
    }
}
