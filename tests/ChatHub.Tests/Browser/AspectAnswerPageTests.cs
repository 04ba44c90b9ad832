using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>
/// The visitor page shows the section of an answer asked about (收费) first, and the whole answer behind a
/// "查看完整答复" button a keyboard and a screen reader can use (aria-expanded, aria-controls).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AspectAnswerPageTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task TheFeeSectionComesFirstAndTheWholeAnswerExpandsByKeyboard()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("msg-bot").First).ToBeVisibleAsync();

        await VisitorPageTests.Ask(page, "身份证丢了怎么补办，要多少钱");

        var bubble = page.GetByTestId("msg-bot").Last;
        var section = bubble.GetByTestId("answer-section");
        var whole = bubble.GetByTestId("bot-answer");
        var toggle = bubble.GetByRole(AriaRole.Button, new() { Name = "查看完整答复" });
        await Expect(section).ToBeVisibleAsync();
        await Expect(section.Locator("strong").First).ToHaveTextAsync("收费");
        await Expect(section).Not.ToContainTextAsync("所需材料");
        await Expect(whole).ToBeHiddenAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(toggle).ToHaveAttributeAsync("aria-controls", await whole.GetAttributeAsync("id") ?? "");

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(whole).ToBeVisibleAsync();
        await Expect(whole.Locator("strong").First).ToHaveTextAsync("所需材料");
        await Expect(whole).ToContainTextAsync("收费");
        var expanded = bubble.GetByTestId("show-full");
        await Expect(expanded).ToHaveAttributeAsync("aria-expanded", "true");
        await chromium.ScreenshotAsync(page, "visitor-aspect-expanded");

        await page.Keyboard.PressAsync(" ");                                 // Space collapses it again
        await Expect(whole).ToBeHiddenAsync();
        await Expect(expanded).ToHaveAttributeAsync("aria-expanded", "false");
        chromium.AssertNoPageErrors();
    }

    [Fact]
    public async Task AQuestionAboutOnesOwnRecordsOffersTheHumanAction()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("msg-bot").First).ToBeVisibleAsync();

        await VisitorPageTests.Ask(page, "我的社保这个月为什么没扣");

        var offer = page.GetByTestId("msg-bot").Last.GetByTestId("own-case-human");
        await Expect(offer).ToHaveTextAsync("转人工");
        await offer.ClickAsync();
        // No agent is online in this host: the page's own 转人工 flow offers a message instead.
        await Expect(page.GetByTestId("ticket-form")).ToBeVisibleAsync();
        chromium.AssertNoPageErrors();
    }
}
