using GovAssistant.ChatHub.Tests.Assist;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>The admin pages with a (fake) model: proposed phrasings land in the review queue, model calls on the dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssistAdminTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task ModelPhrasingsArriveInTheReviewQueueAndTheCallShowsOnTheDashboard()
    {
        await using var model = await FakeModelServer.StartAsync();
        model.Responder = AssistHost.Reasonable;
        await using var host = new ConversationHost(settings: AssistHost.Settings(model.Endpoint)).Start();
        await host.CreateAgentAsync("wang", "王编辑", ["*"], ["agent", "editor", "reviewer", "supervisor"]);

        var page = await chromium.OpenAsync(host.Address);
        await page.GotoAsync("/agent/login.html?returnUrl=" + Uri.EscapeDataString("/admin/entry.html?id=SF-001"));
        await page.GetByTestId("username").FillAsync("wang");
        await page.GetByTestId("password").FillAsync(ConversationHost.AgentPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.GetByTestId("assist-phrasings").ClickAsync();
        await Expect(page.GetByTestId("assist-phrasings-message")).ToContainTextAsync("已生成草稿");

        await page.GotoAsync("/admin/drafts.html");
        var draft = page.GetByTestId("draft").Filter(new() { HasText = $"model:{AssistHost.ModelName}" });
        await Expect(draft).ToHaveCountAsync(1);
        await Expect(draft).ToContainTextAsync("老人身份证找不到了咋整");
        await chromium.ScreenshotAsync(page, "assist-admin-draft");

        await page.GotoAsync("/admin/dashboard.html");
        await Expect(page.GetByTestId("table-assist").GetByTestId("assist-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("table-assist")).ToContainTextAsync(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd"));
        chromium.AssertNoPageErrors();
    }
}
