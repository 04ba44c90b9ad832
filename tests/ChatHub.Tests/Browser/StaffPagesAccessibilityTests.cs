using Deque.AxeCore.Playwright;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>
/// axe-core over the staff pages (login, password, console, accounts, bank and audit pages, dashboard, canned replies)
/// at desktop and phone width: no critical or serious violation. Saves the console and dashboard screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffPagesAccessibilityTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StaffPagesHaveNoCriticalOrSeriousAxeViolations(bool phone)
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone);
        var width = phone ? "phone" : "desktop";
        var found = new List<string>();

        await page.GotoAsync("/agent/login.html");
        await page.GetByTestId("login-submit").WaitForAsync();
        found.AddRange(await SeriousViolationsAsync(page, "login"));

        await AccountPagesTests.SignInAsync(page, "admin", ConversationHost.AdminPassword);
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("manage-canned")).ToBeVisibleAsync();
        found.AddRange(await SeriousViolationsAsync(page, "console"));
        await chromium.ScreenshotAsync(page, $"console-{width}");
        if (phone)
        {
            // The top bar wraps instead of pushing the page wider than the phone.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "工作台顶栏在手机宽度下溢出");
        }

        foreach (var (path, ready) in new[]
                 {
                     ("/agent/password.html", "body[data-ready=true]"), ("/agent/canned.html", "[data-testid=canned-groups]"),
                     ("/admin/accounts.html", "[data-testid=account-row]"), ("/admin/index.html", "body[data-ready=true]"),
                     ("/admin/audit.html", "body[data-ready=true]"), ("/admin/drafts.html", "body[data-ready=true]"),
                     ("/admin/dashboard.html", "body[data-ready=true]"),
                 })
        {
            await page.GotoAsync(path);
            await page.Locator(ready).First.WaitForAsync();
            found.AddRange(await SeriousViolationsAsync(page, path));
            if (path.Contains("dashboard")) await chromium.ScreenshotAsync(page, $"dashboard-{width}");
        }

        Assert.True(found.Count == 0, "axe 发现严重问题：\n" + string.Join("\n", found));
        chromium.AssertNoPageErrors();
    }

    /// <summary>Every critical or serious axe violation on the page, one line each (rule, impact, first elements).</summary>
    internal static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "critical" or "serious")
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} — " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)))
            .ToList();
    }
}
