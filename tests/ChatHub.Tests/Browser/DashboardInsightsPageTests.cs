using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Insights;
using GovAssistant.ChatHub.Tests.Insights;
using GovAssistant.KnowledgeBase;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>
/// The insights page in Chromium: an editor turns a cluster and a suggestion into drafts through the bank's real
/// drafts API, and the items are marked handled with the draft's id.
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
        var store = fixture.Host.Services.GetRequiredService<IBankStore>();
        var before = (await store.ListDraftsAsync()).Select(d => d.Id).ToHashSet();

        // Signs in first (the dashboard test covers the redirect of a visitor without a session).
        await page.GotoAsync("/agent/login.html?returnUrl=" + Uri.EscapeDataString($"/admin/insights.html?{KnownHistory.Period}"));
        await page.GetByTestId("username").FillAsync("chen.page");
        await page.GetByTestId("password").FillAsync(InsightsHost.StaffPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        var weather = page.GetByTestId("cluster").Filter(new() { HasText = "今天天气怎么样" });
        await Expect(weather.GetByTestId("cluster-count")).ToContainTextAsync("2 个问题");
        await weather.GetByTestId("cluster-draft").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("已生成草稿");
        await Expect(weather).ToHaveCountAsync(0);
        var first = Assert.Single(await store.ListDraftsAsync(), d => !before.Contains(d.Id));
        Assert.Null(first.BaseEntryId);
        Assert.Equal("今天天气怎么样", first.Proposed.Question);
        Assert.Equal(DraftOrigin.Cluster, first.Origin);
        Assert.Equal("chen.page", first.CreatedBy);
        await Expect(page.GetByTestId("notice")).ToContainTextAsync(first.Id);

        var suggestion = page.GetByTestId("suggestion").Filter(new() { HasText = "建议补充相似问：“护照”" });
        await suggestion.GetByTestId("suggestion-accept").ClickAsync();
        await Expect(suggestion).ToHaveCountAsync(0);
        var second = Assert.Single(await store.ListDraftsAsync(), d => !before.Contains(d.Id) && d.Id != first.Id);
        Assert.Equal(fixture.History.PickedEntryId, second.BaseEntryId);
        Assert.Contains("护照", second.Proposed.SimilarQuestions);
        Assert.Equal(DraftOrigin.Feedback, second.Origin);
        await chromium.ScreenshotAsync(page, "insights");

        // Marked in the question log: handled with the draft id, the suggestion accepted.
        var logged = await fixture.Host.Services.GetRequiredService<QuestionLog>()
            .ListAsync(new InsightFilter(KnownHistory.Local(2, 0, 0), KnownHistory.Local(5, 0, 0)));
        Assert.All(logged.Where(q => q.Question == "今天天气怎么样"), q => Assert.True(q.Handled));
        Assert.Equal("accepted", logged.Single(q => q.Question == "护照").SuggestionStatus);
        chromium.AssertNoPageErrors();
    }
}
