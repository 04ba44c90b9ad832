using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>The citizen's chat page at / in a phone-sized headless Chromium, against the real host.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorPageTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task AVisitorAsksAQuestionAndSeesTheRenderedAnswer()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("msg-bot").First).ToContainTextAsync("政务服务智能助手");

        await Ask(page, "身份证丢了怎么补办");

        // The bank's Markdown is rendered: **所需材料** becomes bold text, not asterisks.
        var answer = page.GetByTestId("bot-answer").Last;
        await Expect(answer).ToContainTextAsync("户口簿");
        await Expect(answer.Locator("strong").First).ToHaveTextAsync("所需材料");
        await Expect(answer).Not.ToContainTextAsync("**");
        await Expect(page.GetByTestId("feedback-up").Last).ToBeVisibleAsync();
        await page.GetByTestId("feedback-up").Last.ClickAsync();
        await Expect(page.GetByTestId("feedback-thanks").Last).ToHaveTextAsync("感谢您的反馈");
        await chromium.ScreenshotAsync(page, "visitor-answer");

        // The token is kept: a reload resumes the same conversation.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("msg-visitor")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("msg-visitor").First).ToContainTextAsync("身份证丢了怎么补办");
        chromium.AssertNoPageErrors();
    }

    [Fact]
    public async Task MarkupInAVisitorsQuestionIsShownAsTextAndNeverInjected()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("msg-bot").First).ToBeVisibleAsync();
        const string attack = "<img src=x onerror=alert(1)><script>alert(2)</script><b>粗体</b>";

        await Ask(page, attack);

        await Expect(page.GetByTestId("msg-visitor").Last.GetByTestId("msg-text")).ToHaveTextAsync(attack);
        await Expect(page.GetByTestId("msg-bot")).ToHaveCountAsync(2);        // the bot replied too
        var transcript = page.GetByTestId("transcript");
        Assert.Equal(0, await transcript.Locator("img").CountAsync());
        Assert.Equal(0, await transcript.Locator("script").CountAsync());
        Assert.Equal(0, await transcript.Locator("b").CountAsync());
        chromium.AssertNoPageErrors();                                     // no alert() ran
    }

    [Fact]
    public async Task AnAmbiguousQuestionOffersChoicesAndAChoiceGetsAnAnswer()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("msg-bot").First).ToBeVisibleAsync();

        await Ask(page, "护照");

        var choices = page.GetByTestId("choice");
        await Expect(choices.First).ToBeVisibleAsync();
        Assert.True(await choices.CountAsync() >= 2);
        var chosen = await choices.First.InnerTextAsync();
        await choices.First.ClickAsync();

        await Expect(page.GetByTestId("msg-visitor").Last).ToContainTextAsync(chosen);
        await Expect(page.GetByTestId("feedback-up")).ToHaveCountAsync(1);   // only answered turns get 👍/👎
        await Expect(page.GetByTestId("bot-answer").Last).ToContainTextAsync("护照");
        chromium.AssertNoPageErrors();
    }

    internal static async Task Ask(IPage page, string question)
    {
        await Expect(page.GetByTestId("send")).ToBeEnabledAsync();            // connected, greeting shown
        var before = await page.GetByTestId("msg-bot").CountAsync();
        await page.GetByTestId("input").FillAsync(question);
        await page.GetByTestId("send").ClickAsync();
        await Expect(page.GetByTestId("msg-bot")).ToHaveCountAsync(before + 1);
    }
}
