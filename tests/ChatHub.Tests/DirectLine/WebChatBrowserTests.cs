using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Tests.Browser;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.DirectLine;

/// <summary>
/// Microsoft's real Web Chat (botframework-webchat 4.18.1 from npm, served to Chromium by the test, never from a CDN)
/// on a site's page, talking Direct Line 3.0 to GovAssistant on loopback: WebSocket stream, echoes, Markdown answers,
/// suggested actions, and an agent who takes over from the console over SignalR.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class WebChatBrowserTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task WebChatAsksGetsClarificationButtonsAndIsServedByAnAgent()
    {
        await using var host = DirectLineClient.Host().Start();
        await using var webSite = await WebChatSite.StartAsync();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        await using var agent = await host.ConnectAgentAsync("zhang");
        await agent.HelloAsync();
        using var site = new DirectLineClient(host.Address);
        using var ask = new HttpClient { BaseAddress = host.Address };
        // The site's back end exchanges its secret for a token; the page only ever sees the token.
        var generated = await site.GenerateTokenAsync();
        var conversationId = generated.Str("conversationId")!;

        var page = await OpenWebChatAsync(host, webSite, generated.Str("token")!);
        var transcript = page.Locator(".webchat__bubble__content");
        await Expect(transcript.First).ToContainTextAsync("政务服务智能助手");

        // A clear question: the bank's answer, rendered from Markdown.
        await SendAsync(page, "身份证丢了怎么补办");
        var expected = await ask.AskAsync("身份证丢了怎么补办");
        await Expect(transcript.Filter(new() { HasText = Snippet(expected.Str("answer")!) })).ToHaveCountAsync(1);
        await Expect(page.Locator(".webchat__text-content--is-markdown strong").Filter(new() { HasText = "所需材料" }).First).ToBeVisibleAsync();

        // A vague question: its choices as buttons; clicking one asks it and the engine answers it.
        await SendAsync(page, "护照");
        var buttons = page.Locator(".webchat__suggested-action");
        await Expect(buttons.Filter(new() { HasText = "转人工" })).ToHaveCountAsync(1);
        var choice = buttons.Filter(new() { HasNotText = "转人工" }).First;
        var question = (await choice.InnerTextAsync()).Trim();
        await choice.ClickAsync();
        var chosen = await ask.AskAsync(question);
        Assert.Equal("answered", chosen.Str("decision"));
        await Expect(transcript.Filter(new() { HasText = question })).Not.ToHaveCountAsync(0);       // the click was sent as the user's words
        await Expect(transcript.Filter(new() { HasText = Snippet(chosen.Str("answer")!) }).First).ToBeVisibleAsync();
        await chromium.ScreenshotAsync(page, "webchat-answers");

        // Asking for a person: queued, an agent accepts in the console and replies; Web Chat shows it.
        await SendAsync(page, "我要人工");
        // The bot says it is transferring, then the queue notice follows (both say "正在为您转接人工客服").
        await Expect(transcript.Filter(new() { HasText = "前面还有 0 位" })).ToHaveCountAsync(1);
        await agent.Connection.InvokeAsync<Summary>("Accept", conversationId);
        await Expect(transcript.Filter(new() { HasText = "人工客服 张敏 为您服务" })).ToHaveCountAsync(1);
        await agent.Connection.InvokeAsync("Note", conversationId, "内部备注：不要发给访客");
        await agent.Connection.InvokeAsync("Send", conversationId, "您好，我是张敏，护照加急可以当天受理。");
        await Expect(transcript.Filter(new() { HasText = "您好，我是张敏，护照加急可以当天受理。" })).ToHaveCountAsync(1);

        // And the user's answer reaches the agent.
        await SendAsync(page, "好的，谢谢<b>张老师</b>");
        await agent.WaitForAsync(m => m.Sender == "visitor" && m.Text == "好的，谢谢<b>张老师</b>");
        await Expect(transcript.Filter(new() { HasText = "好的，谢谢<b>张老师</b>" })).ToHaveCountAsync(1);   // shown as text, not HTML
        await Expect(page.GetByText("内部备注")).ToHaveCountAsync(0);
        await chromium.ScreenshotAsync(page, "webchat-agent");
        chromium.AssertNoPageErrors();
    }

    private async Task<IPage> OpenWebChatAsync(ConversationHost host, WebChatSite site, string token)
    {
        var page = await chromium.OpenAsync(site.Address, phone: true);
        var domain = new Uri(host.Address, "/v3/directline").ToString();
        // Parsing the 4 MB bundle takes a while on a busy machine.
        await page.GotoAsync($"/index.html#token={Uri.EscapeDataString(token)}&domain={Uri.EscapeDataString(domain)}", new() { Timeout = 60_000 });
        return page;
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator(".webchat__send-box-text-box__input");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    /// <summary>A run of Chinese text from the answer that Markdown rendering leaves as it is.</summary>
    private static string Snippet(string markdown)
    {
        var run = ChineseRun().Match(markdown);
        Assert.True(run.Success, "答案中没有可比对的中文片段：" + markdown);
        return run.Value[..Math.Min(12, run.Value.Length)];
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]{6,}")]
    private static partial Regex ChineseRun();
}
