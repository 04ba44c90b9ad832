using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Insights;
using GovAssistant.ChatHub.Tests.Insights;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>
/// The insights page in Chromium: an editor turns a cluster and a suggestion into drafts. The bank's drafts API is
/// another component's; here the browser's request to it is answered 201 at the network layer and recorded, so the
/// test pins exactly what the page sends and that it marks the items handled only after the 201.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardInsightsPageTests(Chromium chromium, KnownHistoryFixture fixture) : IClassFixture<KnownHistoryFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task AnEditorTurnsAClusterIntoADraftAndAcceptsASuggestion()
    {
        await fixture.Host.StaffAsync("chen.page", "陈编辑", "editor");
        var page = await chromium.OpenAsync(fixture.Host.Address);
        var drafts = new ConcurrentQueue<JsonElement>();
        await page.RouteAsync("**/api/admin/bank/drafts", async route =>
        {
            drafts.Enqueue(JsonDocument.Parse(route.Request.PostData!).RootElement.Clone());
            await route.FulfillAsync(new() { Status = 201, ContentType = "application/json", Body = $"{{\"id\":\"draft-{drafts.Count}\"}}" });
        });

        // Signs in first (the dashboard test covers the redirect of a visitor without a session).
        await page.GotoAsync("/agent/login.html?returnUrl=" + Uri.EscapeDataString($"/admin/insights.html?{KnownHistory.Period}"));
        await page.GetByTestId("username").FillAsync("chen.page");
        await page.GetByTestId("password").FillAsync(InsightsHost.StaffPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        var weather = page.GetByTestId("cluster").Filter(new() { HasText = "今天天气怎么样" });
        await Expect(weather.GetByTestId("cluster-count")).ToContainTextAsync("2 个问题");
        await weather.GetByTestId("cluster-draft").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("draft-1");
        await Expect(weather).ToHaveCountAsync(0);
        var first = Assert.Single(drafts);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("baseEntryId").ValueKind);
        Assert.Equal("今天天气怎么样", first.GetProperty("question").GetString());
        Assert.Equal("cluster", first.GetProperty("origin").GetString());

        var suggestion = page.GetByTestId("suggestion").Filter(new() { HasText = "建议补充相似问：“护照”" });
        await suggestion.GetByTestId("suggestion-accept").ClickAsync();
        await Expect(suggestion).ToHaveCountAsync(0);
        var second = drafts.Last();
        Assert.Equal(fixture.History.PickedEntryId, second.GetProperty("baseEntryId").GetString());
        Assert.Equal(["护照"], second.GetProperty("addSimilarQuestions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("feedback", second.GetProperty("origin").GetString());
        await chromium.ScreenshotAsync(page, "insights");

        // Marked in the question log: handled with the draft id, the suggestion accepted.
        var logged = await fixture.Host.Services.GetRequiredService<QuestionLog>()
            .ListAsync(new InsightFilter(KnownHistory.Local(2, 0, 0), KnownHistory.Local(5, 0, 0)));
        Assert.All(logged.Where(q => q.Question == "今天天气怎么样"), q => Assert.True(q.Handled));
        Assert.Equal("accepted", logged.Single(q => q.Question == "护照").SuggestionStatus);
        chromium.AssertNoPageErrors();
    }
}
