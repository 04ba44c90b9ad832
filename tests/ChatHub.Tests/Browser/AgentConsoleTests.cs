using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>The human takeover through both pages: a visitor on a phone and an agent in the console.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentConsoleTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task AnAgentTakesOverRepliesAndClosesAndTheVisitorRatesTheService()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);

        // The agent signs in first, so somebody is online when the visitor asks for a person.
        var agent = await chromium.OpenAsync(host.Address);
        await agent.GotoAsync("/agent/");
        await Expect(agent).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent/login\\.html"));
        await agent.GetByTestId("username").FillAsync("zhang");
        await agent.GetByTestId("password").FillAsync(ConversationHost.AgentPassword);
        await agent.GetByTestId("login-submit").ClickAsync();
        await Expect(agent.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
        await Expect(agent.GetByTestId("me")).ToContainTextAsync("张敏");
        await Expect(agent.GetByTestId("presence")).ToHaveValueAsync("online");

        var visitor = await chromium.OpenAsync(host.Address, phone: true);
        await visitor.GotoAsync("/");
        await VisitorPageTests.Ask(visitor, "身份证丢了怎么补办");
        await visitor.GetByTestId("human").ClickAsync();
        await Expect(visitor.GetByTestId("queue-banner")).ToContainTextAsync("前面还有 0 位");
        var id = await visitor.Locator("html").GetAttributeAsync("data-conversation");
        Assert.False(string.IsNullOrEmpty(id));

        // The conversation shows up in the agent's queue, offered by routing; the agent accepts it.
        var queued = agent.Locator($"[data-testid=queue-item][data-conversation='{id}']");
        await Expect(queued).ToContainTextAsync("身份证");
        await queued.GetByTestId("accept").ClickAsync();
        var pane = agent.Locator($"[data-testid=chat-pane][data-conversation='{id}']");
        await Expect(pane.GetByTestId("chat-meta")).ToContainTextAsync("人工接待中");
        await Expect(pane.GetByTestId("msg-bot").Nth(1)).ToContainTextAsync("户口簿");          // the bot's turn
        await Expect(pane.GetByTestId("msg-visitor").First).ToContainTextAsync("身份证丢了怎么补办");
        await Expect(pane.GetByTestId("suggestion").First).ToBeVisibleAsync();                // the bank's suggestions
        await Expect(visitor.GetByTestId("status")).ToContainTextAsync("张敏");

        // A private note stays with the agents; the reply reaches the visitor.
        await pane.GetByTestId("note-mode").CheckAsync();
        await pane.GetByTestId("agent-input").FillAsync("已核实访客户籍在本市");
        await pane.GetByTestId("agent-send").ClickAsync();
        await Expect(pane.GetByTestId("msg-note")).ToContainTextAsync("已核实访客户籍在本市");
        await pane.GetByTestId("note-mode").UncheckAsync();
        await pane.GetByTestId("agent-input").FillAsync("您好，补办身份证请带户口簿到就近派出所。");
        await pane.GetByTestId("agent-send").ClickAsync();
        var reply = visitor.GetByTestId("msg-agent").Last;
        await Expect(reply).ToContainTextAsync("您好，补办身份证请带户口簿到就近派出所。");
        await Expect(reply).ToContainTextAsync("张敏");
        await Expect(visitor.GetByText("已核实访客户籍在本市")).ToHaveCountAsync(0);
        await chromium.ScreenshotAsync(agent, "agent-console");

        // Closing asks first: 取消 keeps the conversation open.
        await pane.GetByTestId("close-chat").ClickAsync();
        await Expect(agent.GetByTestId("confirm-dialog")).ToContainTextAsync("确定结束本次会话");
        await agent.GetByTestId("confirm-cancel").ClickAsync();
        await Expect(agent.GetByTestId("confirm-dialog")).ToHaveCountAsync(0);
        await pane.GetByTestId("agent-input").FillAsync("还有其他问题吗？");
        await pane.GetByTestId("agent-send").ClickAsync();
        await Expect(visitor.GetByTestId("msg-agent").Last).ToContainTextAsync("还有其他问题吗？");

        // The agent closes and confirms; the visitor rates 满意 (4).
        await pane.GetByTestId("close-chat").ClickAsync();
        await agent.GetByTestId("confirm-ok").ClickAsync();
        await Expect(pane.GetByTestId("chat-meta")).ToContainTextAsync("已结束");
        await visitor.GetByTestId("rating-4").ClickAsync();
        await visitor.GetByTestId("rating-comment").FillAsync("解答很清楚");
        await visitor.GetByTestId("rating-submit").ClickAsync();
        await Expect(visitor.GetByTestId("msg-system").Last).ToContainTextAsync("感谢您的评价：满意");
        await Expect(visitor.GetByTestId("rating-form")).ToHaveCountAsync(0);
        await Expect(pane.GetByTestId("chat-meta")).ToContainTextAsync("评价：满意");
        await chromium.ScreenshotAsync(visitor, "visitor-rated");

        var stored = await host.Services.GetRequiredService<IConversationStore>().GetAsync(id!);
        Assert.Equal(4, stored!.Rating);
        Assert.Equal("解答很清楚", stored.RatingComment);
        chromium.AssertNoPageErrors();
    }
}
