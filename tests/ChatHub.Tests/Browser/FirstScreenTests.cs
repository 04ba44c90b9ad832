using GovAssistant.ChatHub.Tests.Conversations;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>The visitor page's first screen (GET /api/welcome) and the answer's extras, on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstScreenTests(Chromium chromium) : IAsyncLifetime
{
    // Characters of the 港澳台 theme's Traditional questions that have a different Simplified form.
    private const string Traditional = "證麼內裏個關來臺灣請辦補領換們參親區發駕職業繳費鄉";

    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task TheGreetingOffersQuestionsThemesHotlineAndHoursAndAThemesQuestionIsAskedOnAClick()
    {
        await using var host = new ConversationHost(settings: new Dictionary<string, string> { ["Conversations:ServiceHours"] = "08:30-17:30" }).Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");

        var welcome = page.GetByTestId("welcome");
        await Expect(welcome.GetByTestId("welcome-hot")).ToHaveCountAsync(6);
        await Expect(welcome.GetByTestId("welcome-hot").First).ToHaveTextAsync("身份证丢了怎么补办？");
        await Expect(welcome.GetByTestId("welcome-category").First).ToHaveTextAsync("户籍");
        await Expect(welcome.GetByTestId("welcome-hotline")).ToHaveAttributeAsync("href", "tel:12345");
        await Expect(welcome.GetByTestId("welcome-contact")).ToContainTextAsync("人工服务时间 08:30-17:30");
        await Expect(welcome.GetByTestId("welcome-category-questions")).ToBeHiddenAsync();
        await chromium.ScreenshotAsync(page, "visitor-first-screen-phone");

        var medical = welcome.GetByTestId("welcome-category").Filter(new() { HasText = "医保" });
        await medical.ClickAsync();
        await Expect(medical).ToHaveAttributeAsync("aria-expanded", "true");
        var questions = welcome.GetByTestId("welcome-category-question");
        await Expect(questions).ToHaveCountAsync(5);
        var question = await questions.First.InnerTextAsync();
        await questions.First.ClickAsync();

        await Expect(page.GetByTestId("msg-visitor").Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(question)));
        await Expect(page.GetByTestId("msg-bot")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("bot-answer").Last).ToContainTextAsync("医保");
        await Expect(page.GetByTestId("feedback-up").Last).ToHaveTextAsync("有帮助");
        await Expect(page.GetByTestId("feedback-down").Last).ToHaveTextAsync("没帮助");
        chromium.AssertNoPageErrors();
    }

    [Fact]
    public async Task RelatedQuestionsOfTheHongKongThemeAreShownInSimplified()
    {
        await using var host = new ConversationHost().Start();
        var page = await chromium.OpenAsync(host.Address, phone: true);
        await page.GotoAsync("/");

        await VisitorPageTests.Ask(page, "港澳台居民居住证怎么申领");

        var related = page.GetByTestId("msg-bot").Last.GetByTestId("related");
        await Expect(related.First).ToBeVisibleAsync();
        var texts = await related.AllInnerTextsAsync();
        Assert.Contains(texts, t => t.Contains("港澳", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.False(t.Any(Traditional.Contains), $"繁体：{t}"));
        chromium.AssertNoPageErrors();
    }
}
