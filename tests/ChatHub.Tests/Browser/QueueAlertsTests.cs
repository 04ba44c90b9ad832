using GovAssistant.ChatHub.Tests.Conversations;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>A visitor joining the queue while the console is open is announced (beep, tab title) and previewed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QueueAlertsTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task ANewQueuedVisitorBeepsCountsInTheTitleAndShowsTheLastMessage()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        var agent = await chromium.OpenAsync(host.Address);
        await AccountPagesTests.SignInAsync(agent, "zhang", ConversationHost.AgentPassword);
        await Expect(agent.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(agent).ToHaveTitleAsync("坐席工作台 — 政务服务在线咨询");
        Assert.Equal(0, await agent.EvaluateAsync<int>("window.QueueAlerts.beeps"));

        var visitor = await chromium.OpenAsync(host.Address, phone: true);
        await visitor.GotoAsync("/");
        await VisitorPageTests.Ask(visitor, "身份证丢了怎么补办");
        await visitor.GetByTestId("human").ClickAsync();
        await Expect(visitor.GetByTestId("queue-banner")).ToBeVisibleAsync();

        await Expect(agent).ToHaveTitleAsync("(1) 新访客 — 坐席工作台 — 政务服务在线咨询");
        await Expect(agent.GetByTestId("queue-preview")).ToBeVisibleAsync();
        Assert.Equal(1, await agent.EvaluateAsync<int>("window.QueueAlerts.beeps"));

        // Accepted: the queue empties and the title returns to normal.
        await agent.GetByTestId("queue-item").GetByTestId("accept").ClickAsync();
        await Expect(agent).ToHaveTitleAsync("坐席工作台 — 政务服务在线咨询");
        chromium.AssertNoPageErrors();
    }
}
