using GovAssistant.ChatHub.Tests.Assist;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>The console with a (fake) model: the handoff summary above the transcript, and a cited draft the agent edits and sends.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssistConsoleTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task TheAcceptingAgentSeesTheSummaryAndSendsAnEditedDraftCitingTheBank()
    {
        await using var model = await FakeModelServer.StartAsync();
        model.Responder = AssistHost.Reasonable;
        await using var host = new ConversationHost(settings: AssistHost.Settings(model.Endpoint)).Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);

        var agent = await chromium.OpenConsoleAsync(host.Address, "zhang");

        var visitor = await chromium.OpenAsync(host.Address, phone: true);
        await visitor.GotoAsync("/");
        await VisitorPageTests.Ask(visitor, "身份证丢了怎么补办");
        await visitor.GetByTestId("human").ClickAsync();
        var id = await visitor.Locator("html").GetAttributeAsync("data-conversation");
        var queued = agent.Locator($"[data-testid=queue-item][data-conversation='{id}']");
        await queued.GetByTestId("accept").ClickAsync();
        var pane = agent.Locator($"[data-testid=chat-pane][data-conversation='{id}']");

        // The summary sits above the transcript: three lines and the entry the bot answered with.
        var summary = pane.GetByTestId("assist-summary");
        await Expect(summary.GetByTestId("assist-summary-line")).ToHaveCountAsync(3);
        await Expect(summary.GetByTestId("assist-summary-line").First).ToContainTextAsync("补办丢失的身份证");
        await Expect(summary.GetByTestId("assist-status")).ToContainTextAsync("SF-001");
        Assert.True((await summary.BoundingBoxAsync())!.Y < (await pane.GetByTestId("agent-transcript").BoundingBoxAsync())!.Y);
        await chromium.ScreenshotAsync(agent, "assist-console-summary");

        // A draft from the bank, citing it; the agent edits it, puts it in the input box and sends it.
        await summary.GetByTestId("assist-draft").ClickAsync();
        await Expect(summary.GetByTestId("assist-draft-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\[SF-001\]"));
        await Expect(summary.GetByTestId("assist-draft-cites")).ToContainTextAsync("SF-001");
        await summary.GetByTestId("assist-draft-text").FillAsync("您好，补办身份证请携带户口簿到户籍所在地派出所办理，也可以在线预约。");
        await chromium.ScreenshotAsync(agent, "assist-console-draft");
        await Expect(visitor.GetByTestId("msg-agent")).ToHaveCountAsync(0);      // nothing reaches the visitor by itself
        await summary.GetByTestId("assist-draft-use").ClickAsync();
        await Expect(pane.GetByTestId("agent-input")).ToHaveValueAsync("您好，补办身份证请携带户口簿到户籍所在地派出所办理，也可以在线预约。");
        await pane.GetByTestId("agent-send").ClickAsync();
        await Expect(visitor.GetByTestId("msg-agent").Last).ToContainTextAsync("也可以在线预约");
        chromium.AssertNoPageErrors();
    }

    [Fact]
    public async Task WithoutAModelTheConsoleShowsNoAssistPanel()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        var agent = await chromium.OpenConsoleAsync(host.Address, "zhang");

        var visitor = await chromium.OpenAsync(host.Address, phone: true);
        await visitor.GotoAsync("/");
        await VisitorPageTests.Ask(visitor, "身份证丢了怎么补办");
        await visitor.GetByTestId("human").ClickAsync();
        var id = await visitor.Locator("html").GetAttributeAsync("data-conversation");
        await agent.Locator($"[data-testid=queue-item][data-conversation='{id}']").GetByTestId("accept").ClickAsync();
        var pane = agent.Locator($"[data-testid=chat-pane][data-conversation='{id}']");
        await Expect(pane.GetByTestId("msg-visitor").First).ToContainTextAsync("身份证丢了怎么补办");
        await Expect(agent.Locator("body[data-assist=off]")).ToHaveCountAsync(1);
        await Expect(pane.GetByTestId("assist-summary")).ToHaveCountAsync(0);
        chromium.AssertNoPageErrors();
    }
}
