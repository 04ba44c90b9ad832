using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>The <see cref="Axe"/> helper itself: it must see a serious violation when there is one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(Chromium chromium) : IAsyncLifetime
{
    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task PaleTextAndAnUnlabelledButtonFailTheCheck()
    {
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="zh-CN"><head><title>检查</title></head>
            <body><main><p class="pale">浅色文字</p><button></button></main></body></html>
            """);
        await page.AddStyleTagAsync(new() { Content = ".pale { color: #d0d0d0; background: #fff; }" });
        await Expect(page.Locator("p.pale")).ToBeVisibleAsync();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Axe.AssertNoSeriousViolationsAsync(page, "样例页"));

        Assert.Contains("color-contrast", failure.Message, StringComparison.Ordinal);
        Assert.Contains("button-name", failure.Message, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
