using GovAssistant.ChatHub.Tests.Conversations;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>widget.js on a government site's page: the floating button opens the chat in a frame.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task TheWidgetOnASitesPageOpensTheChat()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address);
        await page.GotoAsync("/demo.html");

        var launcher = page.GetByTestId("widget-launcher");                     // inside the widget's shadow root
        await Expect(launcher).ToHaveTextAsync("在线咨询");
        Assert.Equal(0, await page.Locator("iframe").CountAsync());              // nothing loaded before the click
        await launcher.ClickAsync();

        var chat = page.FrameLocator("[data-testid=widget-frame]");
        await Expect(chat.Locator("html.embed")).ToHaveCountAsync(1);
        await Expect(chat.GetByTestId("msg-bot").First).ToContainTextAsync("政务服务智能助手");
        await Expect(chat.GetByTestId("send")).ToBeEnabledAsync();
        await chat.GetByTestId("input").FillAsync("居住证怎么办理");
        await chat.GetByTestId("send").ClickAsync();
        await Expect(chat.GetByTestId("bot-answer").Last).ToContainTextAsync("居住登记");
        await chromium.ScreenshotAsync(page, "widget-demo");

        await chat.GetByTestId("embed-close").ClickAsync();
        await Expect(page.GetByTestId("widget-panel")).ToBeHiddenAsync();
        await Expect(launcher).ToBeVisibleAsync();
        chromium.AssertNoPageErrors();
    }
}
