using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Agents;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>Drafts, review permissions, versions and rollback through the admin API of the real host.</summary>
public sealed class ReviewWorkflowTests(BankAdminHost bank) : IClassFixture<BankAdminHost>
{
    private const string NewFee = "补领工本费调整为 20 元（审核测试）。";

    [Fact]
    public async Task AnEditorsChangeStaysADraftUntilAReviewerOfTheOwningDepartmentPublishesIt()
    {
        using var editor = await bank.StaffAsync("editor.hz", ["editor"], BankAdminHost.Huzheng);
        using var otherReviewer = await bank.StaffAsync("reviewer.yb", ["reviewer"], BankAdminHost.Yibao);
        using var reviewer = await bank.StaffAsync("reviewer.hz", ["reviewer"], BankAdminHost.Huzheng);
        using var visitor = bank.Host.NewClient();

        var draft = await editor.ProposeAsync(new { baseEntryId = "SF-001", answer = NewFee, origin = "editor", note = "工本费调整" });
        Assert.Equal("pending", draft["status"]!.GetValue<string>());
        Assert.NotEqual(NewFee, (await BankAdminHost.AskAsync(visitor, "身份证丢了怎么补办？"))["answer"]!.GetValue<string>());

        using (var byEditor = await editor.PublishAsync(draft.Id()))
            Assert.Contains("只有审核人", await byEditor.DetailAsync(HttpStatusCode.Forbidden));
        using (var byOtherDepartment = await otherReviewer.PublishAsync(draft.Id()))
            Assert.Contains($"您不是“{BankAdminHost.Huzheng}”的审核人", await byOtherDepartment.DetailAsync(HttpStatusCode.Forbidden));
        Assert.NotEqual(NewFee, (await BankAdminHost.AskAsync(visitor, "身份证丢了怎么补办？"))["answer"]!.GetValue<string>());

        var published = await reviewer.PublishedAsync(draft.Id());
        Assert.Equal(2, published["entry"]!["version"]!.GetValue<int>());
        // No restart and no wait: the publish call returns once the engine answers from the new bank.
        var answer = await BankAdminHost.AskAsync(visitor, "身份证丢了怎么补办？");
        Assert.Equal("SF-001", answer["faqId"]!.GetValue<string>());
        Assert.Equal(NewFee, answer["answer"]!.GetValue<string>());

        using var again = await reviewer.PublishAsync(draft.Id());
        Assert.Contains("已发布", await again.DetailAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task EveryPublishedChangeIsAVersionWithWhoAndWhatAndRollbackRestoresAnOldVersionThroughReview()
    {
        using var editor = await bank.StaffAsync("editor.v", ["editor"], BankAdminHost.Huzheng);
        using var reviewer = await bank.StaffAsync("reviewer.v", ["reviewer"], "*");
        var original = (await editor.GetJsonAsync("/api/admin/bank/entries/HJ-003"))["entry"]!;

        var change = await editor.ProposeAsync(new
        {
            baseEntryId = "HJ-003", answer = original["answer"]!.GetValue<string>() + "\n补充：可网上预约。",
            addSimilarQuestions = new[] { "迁户口先去哪里办" }, similarQuestions = (string[]?)null, origin = "editor", note = "补充网上预约",
        });
        await reviewer.PublishedAsync(change.Id());

        var history = (await editor.GetJsonAsync("/api/admin/bank/entries/HJ-003/history"))["items"]!.AsArray();
        var newest = history[0]!;
        Assert.Equal(2, newest["version"]!.GetValue<int>());
        Assert.Equal("editor.v", newest["changedBy"]!.GetValue<string>());
        Assert.Equal("reviewer.v", newest["reviewedBy"]!.GetValue<string>());
        Assert.Contains("补充网上预约", newest["note"]!.GetValue<string>());

        var diff = (await editor.GetJsonAsync("/api/admin/bank/entries/HJ-003/diff?from=1&to=2"))["diff"]!;
        Assert.Equal(["迁户口先去哪里办"], diff["similarAdded"].Strings());
        Assert.Contains(diff["answer"]!.AsArray(), p => p!["op"]!.GetValue<string>() == "insert" && p["text"]!.GetValue<string>().Contains("网上预约"));

        using var rollback = await editor.PostAsJsonAsync("/api/admin/bank/entries/HJ-003/rollback", new { version = 1, note = "撤回" });
        var rollbackDraft = await rollback.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("rollback", rollbackDraft["origin"]!.GetValue<string>());
        // Until a reviewer publishes the rollback, version 2 stays live.
        Assert.Contains("网上预约", (await editor.GetJsonAsync("/api/admin/bank/entries/HJ-003"))["entry"]!["answer"]!.GetValue<string>());
        var restored = await reviewer.PublishedAsync(rollbackDraft.Id());
        Assert.Equal(3, restored["entry"]!["version"]!.GetValue<int>());
        Assert.Equal(original["answer"]!.GetValue<string>(), restored["entry"]!["answer"]!.GetValue<string>());
        Assert.DoesNotContain("迁户口先去哪里办", restored["entry"]!["similarQuestions"].Strings());
    }

    [Fact]
    public async Task AnAgentsReplyProposalMayLackFieldsButCannotBePublishedUntilAnEditorCompletesIt()
    {
        using var agent = await bank.StaffAsync("agent.p", ["agent"], BankAdminHost.Huzheng);
        using var editor = await bank.StaffAsync("editor.p", ["editor"], BankAdminHost.Huzheng);
        using var admin = await bank.AdminAsync();

        var proposal = await agent.ProposeAsync(new { baseEntryId = (string?)null, question = "临时身份证丢了能补吗？", origin = "agentReply", note = "会话 c-1" });
        Assert.False(proposal["complete"]!.GetValue<bool>());
        Assert.Equal(["答案"], proposal["missing"].Strings());
        using (var early = await admin.PublishAsync(proposal.Id()))
            Assert.Contains("尚不完整", await early.DetailAsync(HttpStatusCode.Conflict));

        // An editor's own new entry must be whole from the start.
        using (var incomplete = await editor.PostAsJsonAsync("/api/admin/bank/drafts", new { baseEntryId = (string?)null, question = "只有问题", origin = "editor" }))
            Assert.Contains("答案不能为空", await incomplete.DetailAsync(HttpStatusCode.BadRequest));

        using var completed = await editor.PutAsJsonAsync($"/api/admin/bank/drafts/{proposal.Id()}",
            new { answer = "临时身份证丢失后可到受理地派出所申请补领。", department = BankAdminHost.Huzheng, category = "身份证" });
        Assert.True((await completed.JsonAsync(HttpStatusCode.OK))["complete"]!.GetValue<bool>());
        var published = await admin.PublishedAsync(proposal.Id());
        Assert.StartsWith("KB-", published["entry"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARejectedDraftKeepsItsReasonAndChangesNothing()
    {
        using var editor = await bank.StaffAsync("editor.r", ["editor"], BankAdminHost.Huzheng);
        using var reviewer = await bank.StaffAsync("reviewer.r", ["reviewer"], BankAdminHost.Huzheng);
        var draft = await editor.ProposeAsync(new { baseEntryId = "HJ-001", answer = "错误的答案", origin = "editor" });

        using (var noReason = await reviewer.PostAsJsonAsync($"/api/admin/bank/drafts/{draft.Id()}/reject", new { reason = " " }))
            Assert.Contains("驳回理由", await noReason.DetailAsync(HttpStatusCode.BadRequest));
        using var rejected = await reviewer.PostAsJsonAsync($"/api/admin/bank/drafts/{draft.Id()}/reject", new { reason = "依据未注明" });
        var body = await rejected.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("rejected", body["status"]!.GetValue<string>());
        Assert.Equal("依据未注明", body["rejectReason"]!.GetValue<string>());
        Assert.NotEqual("错误的答案", (await editor.GetJsonAsync("/api/admin/bank/entries/HJ-001"))["entry"]!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProposalsAreValidatedAndNeedASignedInStaffMember()
    {
        using var anonymous = bank.Host.NewClient();
        using (var refused = await anonymous.PostAsJsonAsync("/api/admin/bank/drafts", new { baseEntryId = "HJ-001", answer = "x" }))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var editor = await bank.StaffAsync("editor.x", ["editor"], BankAdminHost.Huzheng);
        using (var badOrigin = await editor.PostAsJsonAsync("/api/admin/bank/drafts", new { baseEntryId = "HJ-001", answer = "x", origin = "robot" }))
            Assert.Contains("origin", await badOrigin.DetailAsync(HttpStatusCode.BadRequest));
        using (var unknown = await editor.PostAsJsonAsync("/api/admin/bank/drafts", new { baseEntryId = "NOPE-1", answer = "x" }))
            Assert.Contains("NOPE-1", await unknown.DetailAsync(HttpStatusCode.NotFound));
        using (var badDate = await editor.PostAsJsonAsync("/api/admin/bank/drafts", new { baseEntryId = "HJ-001", validTo = "31/12/2026" }))
            Assert.Contains("yyyy-MM-dd", await badDate.DetailAsync(HttpStatusCode.BadRequest));
    }
}
