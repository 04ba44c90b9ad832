using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>
/// The stranded-visitor scenario of issue 10 in both pages, neither reloaded: a 交通 visitor on a phone, the only agent
/// online serves 户政. The host's clock is a FakeTimeProvider, so "2 minutes later" is one call.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class QueueWaitBrowserTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task TheOtherDepartmentsAgentSeesTheVisitorAfterTheFallbackWaitAndTheVisitorMayLeaveAMessageLater()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new ConversationHost(clock: clock).Start();
        await host.CreateAgentAsync("wang", "王芳", ["公安局户政管理部门"]);
        var agent = await chromium.OpenConsoleAsync(host.Address, "wang");

        var visitor = await chromium.OpenAsync(host.Address, phone: true);
        await visitor.GotoAsync("/");
        await VisitorPageTests.Ask(visitor, "驾驶证到期了怎么换证");
        await visitor.GetByTestId("human").ClickAsync();
        await Expect(visitor.GetByTestId("queue-banner")).ToContainTextAsync("前面还有 0 位");
        var id = await visitor.Locator("html").GetAttributeAsync("data-conversation");
        var queued = agent.Locator($"[data-testid=queue-item][data-conversation='{id}']");
        await Expect(queued).ToHaveCountAsync(0);

        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5));

        await Expect(queued).ToContainTextAsync("交通车驾管");
        await Expect(agent.GetByTestId("accept-offer")).ToBeVisibleAsync();
        await chromium.ScreenshotAsync(agent, "agent-console-fallback-offer");

        clock.Advance(TimeSpan.FromMinutes(1));

        var form = visitor.GetByTestId("ticket-form");
        await Expect(visitor.GetByTestId("msg-system").Last).ToContainTextAsync("也可以继续等待");
        await Expect(visitor.GetByTestId("queue-banner")).ToBeVisibleAsync();
        await chromium.ScreenshotAsync(visitor, "visitor-wait-offer");
        await form.GetByTestId("ticket-text").FillAsync("驾驶证换证的问题，请回电");
        await form.GetByTestId("ticket-submit").ClickAsync();
        await Expect(visitor.GetByTestId("status")).ToContainTextAsync("已留言");
        await Expect(queued).ToHaveCountAsync(0);
        chromium.AssertNoPageErrors();
    }

    [Fact]
    public async Task AnAgentReCategorisesAConversationFromTheConsole()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        var agent = await chromium.OpenConsoleAsync(host.Address, "zhang");
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, "驾驶证到期了怎么换证");
        await visitor.WaitForAsync(m => m.Decision == "answered");
        await visitor.SendAsync(id, "转人工");

        // The queue watcher may offer the conversation to this agent before the click: accept it either way.
        var accept = agent.Locator($"[data-testid=queue-item][data-conversation='{id}']").GetByTestId("accept").Or(agent.GetByTestId("accept-offer"));
        // A deadline, not a sleep: under a full parallel test run the queue push can take longer than Playwright's 10 s default.
        try
        {
            await accept.First.ClickAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException e)
        {
            // What the console showed, for the CI log: the queue, the offer bar, the connection banner and readiness.
            var state = await agent.EvaluateAsync<string>("() => JSON.stringify({ ready: document.body.dataset.ready, queue: document.getElementById('queue')?.innerText, offer: document.getElementById('offer')?.innerText, connection: document.getElementById('connection')?.innerText, error: document.getElementById('error-text')?.innerText, url: location.href })");
            throw new TimeoutException($"{e.Message}\n控制台状态：{state}", e);
        }
        var pane = agent.Locator($"[data-testid=chat-pane][data-conversation='{id}']");
        await Expect(pane.GetByTestId("chat-meta")).ToContainTextAsync("公安交通管理部门");
        await pane.GetByTestId("transfer").ClickAsync();
        await pane.GetByTestId("category").FillAsync("养犬登记");
        await pane.GetByTestId("department").FillAsync("公安局治安管理部门");
        await pane.GetByTestId("recategorise").ClickAsync();

        await Expect(pane.GetByTestId("chat-meta")).ToContainTextAsync("公安局治安管理部门");
        await Expect(pane.GetByTestId("msg-note").Last).ToContainTextAsync("养犬登记");
        await Expect(pane.GetByTestId("transfer-panel")).ToBeHiddenAsync();
        chromium.AssertNoPageErrors();
    }
}
