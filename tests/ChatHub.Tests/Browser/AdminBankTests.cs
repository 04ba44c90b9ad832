using GovAssistant.ChatHub.Tests.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovAssistant.ChatHub.Tests.Browser;

/// <summary>The review workflow in the admin pages, seen by the citizen: editor edits, reviewer publishes, the widget answers anew.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBankTests(Chromium chromium) : IAsyncLifetime
{
    private const string NewAnswer = "补领身份证请到户籍所在地派出所办理，工本费 40 元（浏览器测试修改）。";

    public Task InitializeAsync() => chromium.ResetAsync();

    public Task DisposeAsync() => chromium.ResetAsync();

    [Fact]
    public async Task AnEditorsChangePublishedByAReviewerIsWhatTheVisitorWidgetAnswers()
    {
        var bank = new BankAdminHost();
        await bank.InitializeAsync();
        try
        {
            (await bank.StaffAsync("editor.web", ["editor"], BankAdminHost.Huzheng)).Dispose();
            (await bank.StaffAsync("reviewer.web", ["reviewer"], BankAdminHost.Huzheng)).Dispose();

            // Not signed in: the admin page sends the browser to the staff login, which brings it back.
            var editor = await chromium.OpenAsync(bank.Address, phone: true);
            await editor.GotoAsync("/admin/entry.html?id=SF-001");
            await Expect(editor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent/login\\.html\\?returnUrl="));
            chromium.PageErrors.RemoveAll(e => e.Contains("/api/admin/bank/me", StringComparison.Ordinal)); // the 401 that caused the redirect
            await SignInAsync(editor, "editor.web");
            await Expect(editor.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
            await Expect(editor.GetByTestId("question")).ToHaveValueAsync("身份证丢了怎么补办？");
            await editor.GetByTestId("answer").FillAsync(NewAnswer + "\n\n**<img src=x onerror=alert(1)>提示**");
            await Expect(editor.GetByTestId("preview").Locator("strong")).ToContainTextAsync("提示");
            await Expect(editor.GetByTestId("preview").Locator("img")).ToHaveCountAsync(0);
            // The payload's onerror handler is also refused by the Content-Security-Policy while DOMPurify parses it;
            // Chrome reports that refusal on the console, which is the defence working, not a page error.
            chromium.PageErrors.RemoveAll(e => e.Contains("inline event handler violates the following Content Security Policy", StringComparison.Ordinal)
                && e.Contains("/lib/purify.min.js", StringComparison.Ordinal));
            await editor.GetByTestId("answer").FillAsync(NewAnswer);
            await editor.GetByTestId("note").FillAsync("更正办理地点");
            await editor.GetByTestId("save-draft").ClickAsync();
            await Expect(editor.GetByTestId("message")).ToContainTextAsync("已保存为草稿 D-");
            var draftId = await editor.GetByTestId("message").GetAttributeAsync("data-draft");
            await chromium.ScreenshotAsync(editor, "admin-entry-editor");

            var reviewer = await chromium.OpenAsync(bank.Address);
            await reviewer.GotoAsync("/agent/login.html?returnUrl=" + Uri.EscapeDataString("/admin/drafts.html"));
            await SignInAsync(reviewer, "reviewer.web");
            var card = reviewer.Locator($"[data-testid=draft][data-draft='{draftId}']");
            await Expect(card.GetByTestId("answer-diff")).ToContainTextAsync("浏览器测试修改");
            await chromium.ScreenshotAsync(reviewer, "admin-review-queue");
            await card.GetByTestId("publish").ClickAsync();
            await Expect(reviewer.GetByTestId("confirm-dialog")).ToContainTextAsync($"确定发布草稿 {draftId}");
            await reviewer.GetByTestId("confirm-ok").ClickAsync();
            await Expect(reviewer.GetByTestId("message")).ToContainTextAsync($"草稿 {draftId} 已发布");

            var visitor = await chromium.OpenAsync(bank.Address, phone: true);
            await visitor.GotoAsync("/");
            await VisitorPageTests.Ask(visitor, "身份证丢了怎么补办");
            await Expect(visitor.GetByTestId("msg-bot").Last).ToContainTextAsync("浏览器测试修改");
            chromium.AssertNoPageErrors();
        }
        finally
        {
            await bank.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheAuthorOfADraftIsToldWhyTheyCannotPublishIt()
    {
        var bank = new BankAdminHost();
        await bank.InitializeAsync();
        try
        {
            using (var self = await bank.StaffAsync("reviewer.self", ["reviewer", "editor"], BankAdminHost.Huzheng))
                await Admin.DraftCalls.ProposeAsync(self, new { baseEntryId = "SF-001", answer = "本人提交的答案。", origin = "editor", note = "四眼" });

            var page = await chromium.OpenAsync(bank.Address);
            await page.GotoAsync("/agent/login.html?returnUrl=" + Uri.EscapeDataString("/admin/drafts.html"));
            await SignInAsync(page, "reviewer.self");
            // Not in "我可审核的": the author is not a reviewer of their own draft.
            await Expect(page.GetByTestId("draft")).ToHaveCountAsync(0);
            await page.GetByTestId("scope").SelectOptionAsync("all");
            var card = page.GetByTestId("draft").Filter(new() { HasText = "四眼" });
            await Expect(card.GetByTestId("review-refusal")).ToContainTextAsync("不能由您发布");
            await Expect(card.GetByTestId("publish")).ToHaveCountAsync(0);
            chromium.AssertNoPageErrors();
        }
        finally
        {
            await bank.DisposeAsync();
        }
    }

    private static async Task SignInAsync(IPage page, string username)
    {
        await page.GetByTestId("username").FillAsync(username);
        await page.GetByTestId("password").FillAsync(BankAdminHost.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.Locator("body[data-ready=true]")).ToHaveCountAsync(1);
    }
}
