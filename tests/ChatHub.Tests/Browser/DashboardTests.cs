using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Tests.Insights;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>The service-quality dashboard in Chromium, on the <see cref="KnownHistory"/>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(Chromium chromium, KnownHistoryFixture fixture) : IClassFixture<KnownHistoryFixture>, IAsyncLifetime
{
    // Counts the painted pixels of a canvas: a chart with data draws bars or lines, an empty canvas has none.
    private const string PaintedPixels = """
        canvas => {
          const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
          return painted;
        }
        """;

    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task ASupervisorSignsInAndSeesChartsTablesAndMarksABadRatingFollowedUp()
    {
        await fixture.Host.StaffAsync("zhou.min", "周敏", "supervisor");
        var page = await chromium.OpenAsync(fixture.Host.Address);

        // Not signed in: to the sign-in page, and back to the dashboard with the period kept.
        await page.GotoAsync($"/admin/dashboard.html?{KnownHistory.Period}");
        await Expect(page).ToHaveURLAsync(new Regex("/agent/login\\.html"));
        await page.GetByTestId("username").FillAsync("zhou.min");
        await page.GetByTestId("password").FillAsync(InsightsHost.StaffPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/dashboard\\.html\\?from=2026-03-02&to=2026-03-04"));
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);

        await Expect(page.GetByTestId("card-questions").GetByTestId("value")).ToHaveTextAsync("7");
        await Expect(page.GetByTestId("card-resolution").GetByTestId("value")).ToHaveTextAsync("14.3%");
        await Expect(page.GetByTestId("card-queue").GetByTestId("value")).ToHaveTextAsync("2.0 分钟 / 6.0 分钟");
        await Expect(page.GetByTestId("card-tickets").GetByTestId("value")).ToHaveTextAsync("2");
        foreach (var chart in new[] { "perDay", "perHour", "hotCategories", "satisfaction" })
        {
            var canvas = page.GetByTestId($"chart-{chart}");
            await Expect(canvas).ToBeVisibleAsync();
            Assert.True(await canvas.EvaluateAsync<int>(PaintedPixels) > 0, $"图表 {chart} 是空的");
        }
        var perDay = await page.EvaluateAsync<int[]>("() => Chart.getChart('chart-perDay').data.datasets[0].data");
        Assert.Equal([4, 3, 0], perDay);
        await Expect(page.GetByTestId("table-unanswered").GetByTestId("row").First).ToContainTextAsync("今天天气怎么样");
        await Expect(page.GetByTestId("table-badRatings")).ToContainTextAsync("138****5678");
        await Expect(page.GetByTestId("table-badRatings")).Not.ToContainTextAsync("13812345678");
        await Expect(page.GetByTestId("table-perDay").GetByTestId("csv")).ToHaveAttributeAsync("href", new Regex("table=perDay"));
        await chromium.ScreenshotAsync(page, "dashboard");

        // A supervisor marks the 差评 of conversation B followed up.
        var row = page.GetByTestId("table-badRatings").GetByTestId("row").Filter(new() { HasText = fixture.History.B });
        await row.GetByTestId("followup-note").FillAsync("已致电说明排队原因");
        await row.GetByTestId("followup-submit").ClickAsync();
        await Expect(row).ToContainTextAsync("已跟进");
        await Expect(row).ToContainTextAsync("已致电说明排队原因");
        await Expect(page.GetByTestId("card-bad")).ToContainTextAsync("已跟进 1");

        // A narrower filter redraws from the server.
        await page.GetByTestId("channel").SelectOptionAsync("api");
        await page.GetByTestId("apply").ClickAsync();
        await Expect(page.GetByTestId("card-questions").GetByTestId("value")).ToHaveTextAsync("2");
        chromium.AssertNoPageErrors();
    }
}
