using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>A supervisor maintains the department's canned replies from the console.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CannedReplyPageTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task ASupervisorAddsEditsAndDeletesADepartmentReply()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("wang", "王班长", ["医疗保障局"], ["agent", "supervisor"]);
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/agent/login.html?returnUrl=%2Fagent%2F");
        await page.GetByTestId("username").FillAsync("wang");
        await page.GetByTestId("password").FillAsync(ConversationHost.AgentPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("me")).ToContainTextAsync("王班长");

        await page.GetByTestId("manage-canned").ClickAsync();
        await page.GetByTestId("canned-department").FillAsync("医疗保障局");
        await page.GetByTestId("canned-text").FillAsync("门诊慢特病待遇认定可在线申请。");
        await page.GetByTestId("canned-save-new").ClickAsync();
        var row = page.GetByTestId("canned-row").Filter(new() { HasText = "wang" });
        await Expect(row.GetByTestId("canned-edit-text")).ToHaveValueAsync("门诊慢特病待遇认定可在线申请。");

        await row.GetByTestId("canned-edit-text").FillAsync("门诊慢特病待遇认定可通过国家医保服务平台在线申请。");
        await row.GetByTestId("canned-update").ClickAsync();
        await Expect(page.GetByTestId("canned-groups")).ToContainTextAsync("wang");
        var values = await page.GetByTestId("canned-edit-text").EvaluateAllAsync<string[]>("els => els.map(e => e.value)");
        Assert.Contains("门诊慢特病待遇认定可通过国家医保服务平台在线申请。", values);

        // Replies of other departments are shown but cannot be changed by this supervisor.
        var foreign = page.GetByTestId("canned-row").Filter(new() { HasText = "system" })
            .Filter(new() { Has = page.Locator("textarea:disabled") });
        await Expect(foreign.First).ToBeVisibleAsync();
        await Expect(foreign.First.GetByTestId("canned-update")).ToHaveCountAsync(0);

        await row.GetByTestId("canned-delete").ClickAsync();
        await Expect(page.GetByTestId("canned-groups")).Not.ToContainTextAsync("wang");
        chromium.AssertNoPageErrors();
    }
}
