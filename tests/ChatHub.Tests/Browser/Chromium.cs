using Microsoft.Playwright;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests: Debian's <c>/usr/bin/chromium</c> driven by Playwright (the
/// Playwright-downloaded browsers are not used; CI installs the distribution package). Each test opens its own
/// contexts, so visitors and agents share no storage or cookies.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land beside the test assembly (bin/…/screenshots), which is not committed.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"浏览器测试需要 {ExecutablePath}：请运行 apt-get install -y chromium（不要运行 npx playwright install）。");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// The agents' console of <paramref name="host"/>, signed in as <paramref name="username"/> (the test hosts' agent
    /// password) and ready: its hub has said hello.
    /// </summary>
    public async Task<IPage> OpenConsoleAsync(Uri host, string username)
    {
        var agent = await OpenAsync(host);
        await agent.GotoAsync("/agent/login.html");
        await agent.GetByTestId("username").FillAsync(username);
        await agent.GetByTestId("password").FillAsync(Conversations.ConversationHost.AgentPassword);
        await agent.GetByTestId("login-submit").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(agent.Locator("body[data-ready=true]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        return agent;
    }

    /// <summary>A fresh context (own storage and cookies) on <paramref name="host"/>: a phone-sized one for visitors.</summary>
    public async Task<IPage> OpenAsync(Uri host, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = host.ToString(),
            Locale = "zh-CN",
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1366, Height = 860 },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(10_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        // A page error is a bug; so is any alert() — the injection tests rely on this.
        page.PageError += (_, error) => PageErrors.Add(error);
        page.Console += (_, message) =>
        {
            // Failed loads are recorded from the responses below, with their address.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                PageErrors.Add("console: " + message.Text + " @ " + message.Location + " " + page.Url);
        };
        page.Response += (_, response) =>
        {
            // The console and login pages ask /api/agents/me to learn whether a session exists: 401 is an answer there.
            var sessionProbe = response.Status == 401 && response.Url.EndsWith("/api/agents/me", StringComparison.Ordinal);
            if (response.Status >= 400 && !sessionProbe) PageErrors.Add($"HTTP {response.Status} {response.Request.Method} {response.Url}");
        };
        page.Dialog += async (_, dialog) =>
        {
            PageErrors.Add("dialog: " + dialog.Message);
            await dialog.DismissAsync();
        };
        return page;
    }

    /// <summary>Uncaught script errors and dialogs seen on any page of the current test.</summary>
    public List<string> PageErrors { get; } = [];

    /// <summary>Fails with every page error seen so far, one a line.</summary>
    public void AssertNoPageErrors()
    {
        if (PageErrors.Count > 0) Assert.Fail("页面出错：\n" + string.Join("\n", PageErrors));
    }

    public async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>Ends the current test: closes its contexts and forgets its page errors.</summary>
    public async Task ResetAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        _contexts.Clear();
        PageErrors.Clear();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
