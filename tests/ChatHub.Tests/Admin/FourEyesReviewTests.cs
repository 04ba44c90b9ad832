using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Agents;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>Four-eyes review (BankAdmin:RequireSecondReviewer, on by default): who writes a draft does not publish it.</summary>
public sealed class FourEyesReviewTests
{
    private const string Huzheng = "公安局户政管理部门";

    [Fact]
    public async Task AReviewerCannotPublishTheirOwnDraftButAnotherReviewerCan()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("reviewer.a", "审核甲", [Huzheng], ["reviewer", "editor"]);
        await host.CreateAgentAsync("reviewer.b", "审核乙", [Huzheng], ["reviewer"]);
        using var a = await host.SignInAsync("reviewer.a");
        using var b = await host.SignInAsync("reviewer.b");
        var draft = await a.Http.ProposeAsync(new { baseEntryId = "SF-001", answer = "四眼审核测试答案。", origin = "editor" });

        var mine = await a.Http.GetJsonAsync($"/api/admin/bank/drafts/{draft.Id()}");
        Assert.False(mine["canReview"]!.GetValue<bool>());
        Assert.Contains("四眼", mine["reviewRefusal"]!.GetValue<string>());
        using (var own = await a.Http.PublishAsync(draft.Id()))
            Assert.Contains("不能由您发布", await own.DetailAsync(HttpStatusCode.Forbidden));
        Assert.DoesNotContain("四眼审核测试答案", (await a.Http.GetJsonAsync("/api/admin/bank/entries/SF-001"))["entry"]!["answer"]!.GetValue<string>());

        Assert.True((await b.Http.GetJsonAsync($"/api/admin/bank/drafts/{draft.Id()}"))["canReview"]!.GetValue<bool>());
        var published = await b.Http.PublishedAsync(draft.Id());
        Assert.Equal("四眼审核测试答案。", published["entry"]!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAdminWhoEditedADraftCannotPublishItEither()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("editor.e", "编辑", [Huzheng], ["editor"]);
        using var editor = await host.SignInAsync("editor.e");
        using var admin = await host.SignInAsync("admin");
        var draft = await editor.Http.ProposeAsync(new { baseEntryId = "SF-001", answer = "编辑的答案。", origin = "editor" });
        using (var edited = await admin.Http.PutAsJsonAsync($"/api/admin/bank/drafts/{draft.Id()}", new { answer = "管理员改过的答案。" }))
            edited.EnsureSuccessStatusCode();

        using var refused = await admin.Http.PublishAsync(draft.Id());
        Assert.Contains("四眼", await refused.DetailAsync(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task WithoutTheSecondReviewerRequirementTheAuthorMayPublish()
    {
        await using var host = new ConversationHost(settings: new Dictionary<string, string> { ["BankAdmin:RequireSecondReviewer"] = "false" }).Start();
        await host.CreateAgentAsync("reviewer.solo", "审核", [Huzheng], ["reviewer", "editor"]);
        using var solo = await host.SignInAsync("reviewer.solo");
        var draft = await solo.Http.ProposeAsync(new { baseEntryId = "SF-001", answer = "单人审核答案。", origin = "editor" });

        Assert.Equal("单人审核答案。", (await solo.Http.PublishedAsync(draft.Id()))["entry"]!["answer"]!.GetValue<string>());
    }
}
