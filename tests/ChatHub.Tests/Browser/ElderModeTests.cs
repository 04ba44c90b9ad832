using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>长辈模式 and accessibility of the visitor page and the widget: axe-core in both modes, keyboard use.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ElderModeTests(Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task TheVisitorPageHasNoSeriousAxeViolationsInEitherMode()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("welcome-hot").First).ToBeVisibleAsync();
        await page.GetByTestId("welcome-category").First.ClickAsync();
        await VisitorPageTests.Ask(page, "港澳台居民居住证怎么申领");      // an answer with policy basis, related questions, 有帮助/没帮助

        Report("visitor page, standard", await Axe.AssertNoSeriousViolationsAsync(page, "访客页（标准模式）"));
        await ScreenshotsAsync(page, "standard");

        await page.GetByTestId("elder-toggle").ClickAsync();
        await Expect(page.Locator("html.elder")).ToHaveCountAsync(1);
        Report("visitor page, elder", await Axe.AssertNoSeriousViolationsAsync(page, "访客页（长辈模式）"));
        await ScreenshotsAsync(page, "elder");
        chromium.AssertNoPageErrors();
    }

    [Fact]
    public async Task TheWidgetAndItsChatHaveNoSeriousAxeViolationsInEitherMode()
    {
        await using var host = new ConversationHost().Start();
        var site = await chromium.OpenAsync(host.Address);
        await site.GotoAsync("/demo.html");
        Report("demo.html, closed", await Axe.AssertNoSeriousViolationsAsync(site, "接入演示页"));
        await site.GetByTestId("widget-launcher").ClickAsync();
        var chat = site.FrameLocator("[data-testid=widget-frame]");
        await Expect(chat.GetByTestId("welcome-hot").First).ToBeVisibleAsync();
        Report("demo.html, open", await Axe.AssertNoSeriousViolationsAsync(site, "接入演示页（咨询窗口打开）"));
        await chat.GetByTestId("elder-toggle").ClickAsync();
        await Expect(site.GetByTestId("widget-panel")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("elder"));
        await chromium.ScreenshotAsync(site, "widget-demo-elder");

        // The frame's own page as the widget loads it (axe does not reach into the widget's shadow-root frame).
        var framed = await chromium.OpenAsync(host.Address, phone: true);
        await framed.GotoAsync("/?embed=1");
        await Expect(framed.GetByTestId("welcome-hot").First).ToBeVisibleAsync();
        Report("widget chat, standard", await Axe.AssertNoSeriousViolationsAsync(framed, "窗口内咨询页（标准模式）"));
        await framed.GetByTestId("elder-toggle").ClickAsync();
        Report("widget chat, elder", await Axe.AssertNoSeriousViolationsAsync(framed, "窗口内咨询页（长辈模式）"));
        chromium.AssertNoPageErrors();
    }

    [Fact]
    public async Task ElderModeIsReachedByKeyboardEnlargesTheTextAndIsRememberedOnTheDevice()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("send")).ToBeEnabledAsync();
        Assert.Equal("16px", await FontSizeAsync(page));

        await TabToAsync(page, "elder-toggle");
        await page.Keyboard.PressAsync("Enter");

        var toggle = page.GetByTestId("elder-toggle");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(toggle).ToHaveTextAsync("标准模式");
        Assert.Equal("20px", await FontSizeAsync(page));
        await page.ReloadAsync();
        await Expect(page.Locator("html.elder")).ToHaveCountAsync(1);
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal("20px", await FontSizeAsync(page));

        // The composer by keyboard too: type, Enter sends — once the reloaded page is connected again (before that, the
        // page says 正在连接 and keeps the text; on a loaded machine the reconnection can take longer than typing).
        await Expect(page.GetByTestId("send")).ToBeEnabledAsync();
        await TabToAsync(page, "input");
        await page.Keyboard.TypeAsync("居住证怎么办理");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("bot-answer").Last).ToContainTextAsync("居住登记");
        await toggle.ClickAsync();
        await Expect(page.Locator("html.elder")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        chromium.AssertNoPageErrors();
    }

    [Fact]
    public async Task TheWidgetHasOneHeaderAndOpensAndClosesByKeyboard()
    {
        await using var host = new ConversationHost().Start();
        var site = await chromium.OpenAsync(host.Address);
        await site.GotoAsync("/demo.html");

        await TabToAsync(site, "widget-launcher");
        await site.Keyboard.PressAsync("Enter");
        var chat = site.FrameLocator("[data-testid=widget-frame]");
        await Expect(chat.GetByTestId("send")).ToBeEnabledAsync();
        // One bar: the chat's own header, with the title and the close button; the panel holds only the frame.
        Assert.Equal(1, await site.GetByTestId("widget-panel").Locator(":scope > *").CountAsync());
        await Expect(chat.Locator(".chat-title strong")).ToBeVisibleAsync();
        await Expect(chat.GetByTestId("embed-close")).ToBeVisibleAsync();
        await chromium.ScreenshotAsync(site, "widget-demo-open");

        await chat.GetByTestId("input").FocusAsync();
        await site.Keyboard.PressAsync("Escape");
        await Expect(site.GetByTestId("widget-panel")).ToBeHiddenAsync();
        await Expect(site.GetByTestId("widget-launcher")).ToBeFocusedAsync();
        await site.GetByTestId("widget-launcher").ClickAsync();
        await chat.GetByTestId("embed-close").ClickAsync();
        await Expect(site.GetByTestId("widget-panel")).ToBeHiddenAsync();
        chromium.AssertNoPageErrors();
    }

    // The transcript scrolled to its top (greeting and first screen) and to its end (the answer).
    private async Task ScreenshotsAsync(IPage page, string mode)
    {
        await page.GetByTestId("transcript").EvaluateAsync("t => t.scrollTop = 0");
        await chromium.ScreenshotAsync(page, $"visitor-phone-{mode}-first-screen");
        await page.GetByTestId("transcript").EvaluateAsync("t => t.scrollTop = t.scrollHeight");
        await chromium.ScreenshotAsync(page, $"visitor-phone-{mode}-answer");
    }

    private static Task<string> FontSizeAsync(IPage page) => page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize");

    // Presses Tab until the element with this test id has the focus: proves it is reachable without a mouse.
    private static async Task TabToAsync(IPage page, string testId)
    {
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement?.dataset?.testid === '{testId}' || document.activeElement?.shadowRoot?.activeElement?.dataset?.testid === '{testId}'"))
                return;
        }
        Assert.Fail($"用 Tab 键到达不了 {testId}");
    }

    private void Report(string what, IReadOnlyDictionary<string, int> counts) =>
        output.WriteLine($"axe {what}: " + (counts.Count == 0 ? "0 violations" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))));
}
