using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Agents;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>Validity dates end to end: an expired entry is not answered, and the needs-review list shows what is due.</summary>
public sealed class ExpiryTests(BankAdminHost bank) : IClassFixture<BankAdminHost>
{
    private static string Day(int offset) => DateOnly.FromDateTime(DateTime.Now).AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task AnEntryPastItsLastValidDayIsNoLongerAnsweredAndIsListedForReview()
    {
        using var reviewer = await bank.StaffAsync("reviewer.exp", ["reviewer", "editor"], BankAdminHost.Huzheng);
        using var otherReviewer = await bank.StaffAsync("reviewer.exp2", ["reviewer"], BankAdminHost.Yibao);
        // Four-eyes review: an editor proposes, the reviewer publishes.
        using var editor = await bank.StaffAsync("editor.exp", ["editor"], BankAdminHost.Huzheng);
        using var visitor = bank.Host.NewClient();
        const string expiredQuestion = "冬季供暖补贴在哪个窗口登记？";
        const string expiringQuestion = "老旧小区加装电梯补助怎么申请？";

        var expired = await editor.ProposeAsync(new
        {
            baseEntryId = (string?)null, entryId = "EXP-OLD", question = expiredQuestion, answer = "到街道便民服务中心登记。",
            department = BankAdminHost.Huzheng, validFrom = Day(-60), validTo = Day(-1), origin = "editor",
        });
        var expiring = await editor.ProposeAsync(new
        {
            baseEntryId = (string?)null, entryId = "EXP-SOON", question = expiringQuestion, answer = "向所在社区提交加装电梯补助申请。",
            department = BankAdminHost.Huzheng, validTo = Day(10), basis = "《加装电梯补助办法（2020）》", origin = "editor",
        });
        await reviewer.PublishedAsync(expired.Id());
        await reviewer.PublishedAsync(expiring.Id());

        var stale = await BankAdminHost.AskAsync(visitor, expiredQuestion);
        Assert.NotEqual("EXP-OLD", stale["faqId"]?.GetValue<string>());
        Assert.DoesNotContain(stale["candidates"]!.AsArray(), c => c!["id"]!.GetValue<string>() == "EXP-OLD");
        var current = await BankAdminHost.AskAsync(visitor, expiringQuestion);
        Assert.Equal("EXP-SOON", current["faqId"]!.GetValue<string>());

        var due = (await reviewer.GetJsonAsync("/api/admin/bank/needs-review?days=30"))["items"]!.AsArray();
        var old = due.Single(i => i!["entry"]!["id"]!.GetValue<string>() == "EXP-OLD")!;
        Assert.True(old["expired"]!.GetValue<bool>());
        var soon = due.Single(i => i!["entry"]!["id"]!.GetValue<string>() == "EXP-SOON")!;
        Assert.False(soon["expired"]!.GetValue<bool>());
        Assert.Equal(10, soon["daysLeft"]!.GetValue<int>());
        Assert.DoesNotContain(due, i => i!["entry"]!["id"]!.GetValue<string>() == "HJ-001");

        // A reviewer of another department does not see them.
        var theirs = (await otherReviewer.GetJsonAsync("/api/admin/bank/needs-review?days=30"))["items"]!.AsArray();
        Assert.DoesNotContain(theirs, i => i!["entry"]!["id"]!.GetValue<string>().StartsWith("EXP-"));

        var expiredPage = await reviewer.GetJsonAsync("/api/admin/bank/entries?validity=expired&department=" + Uri.EscapeDataString(BankAdminHost.Huzheng));
        Assert.Contains(expiredPage["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "EXP-OLD");
        Assert.DoesNotContain(expiredPage["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == "EXP-SOON");
    }

    [Fact]
    public async Task EntriesCitingASupersededPolicyNeedReview()
    {
        using var reviewer = await bank.StaffAsync("reviewer.pol", ["reviewer", "editor"], "*");
        using var editor = await bank.StaffAsync("editor.pol", ["editor"], "*");
        var entry = await editor.ProposeAsync(new
        {
            baseEntryId = (string?)null, entryId = "POL-1", question = "农村危房改造补助标准是多少？", answer = "按当地标准执行。",
            department = "住房和城乡建设局", basis = "《农村危房改造补助办法》第三条", origin = "editor",
        });
        await reviewer.PublishedAsync(entry.Id());
        Assert.DoesNotContain((await reviewer.GetJsonAsync("/api/admin/bank/needs-review"))["items"]!.AsArray(),
            i => i!["entry"]!["id"]!.GetValue<string>() == "POL-1");

        using (var added = await reviewer.PostAsJsonAsync("/api/admin/bank/superseded-policies", new { basis = "农村危房改造补助办法", note = "2025 年新办法替代" }))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var due = (await reviewer.GetJsonAsync("/api/admin/bank/needs-review"))["items"]!.AsArray();
        var item = due.Single(i => i!["entry"]!["id"]!.GetValue<string>() == "POL-1")!;
        Assert.Equal("农村危房改造补助办法", item["supersededBasis"]!.GetValue<string>());

        using (var blank = await reviewer.PostAsJsonAsync("/api/admin/bank/superseded-policies", new { basis = "" }))
            Assert.Contains("政策名称", await blank.DetailAsync(HttpStatusCode.BadRequest));
    }
}
