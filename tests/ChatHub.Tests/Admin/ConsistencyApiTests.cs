using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Agents;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>The consistency checker through the admin API: planted conflicting and consistent pairs, and decisions.</summary>
public sealed class ConsistencyApiTests(BankAdminHost bank) : IClassFixture<BankAdminHost>
{
    private const string Question = "养犬登记证怎么办理，要交多少钱？";

    [Fact]
    public async Task TheSameQuestionAnsweredWithDifferentFeesAndPhonesByTwoDepartmentsIsFlaggedAndAConsistentPairIsNot()
    {
        using var reviewer = await bank.StaffAsync("reviewer.cc", ["reviewer", "editor"], "*");
        // Four-eyes review: an editor proposes, the reviewer publishes.
        using var editor = await bank.StaffAsync("editor.cc", ["editor"], "*");
        await PublishAsync(editor, reviewer, "DOG-1", Question, "公安局治安管理部门",
            "**办理地点**：各区犬类管理办公室。\n**收费**：登记费 300 元。\n咨询电话：0571-87280000。");
        await PublishAsync(editor, reviewer, "DOG-2", "办养犬登记证要交多少钱，怎么办？", "城市管理局",
            "**办理地点**：各区犬类管理办公室。\n**收费**：登记费 500 元。\n咨询电话：0571-87289999。");
        // Same question, same facts in other words: consistent.
        await PublishAsync(editor, reviewer, "BOAT-1", "游艇驾驶证考试费用是多少？", "交通运输局", "游艇驾驶证考试费 200 元，咨询电话 12328。");
        await PublishAsync(editor, reviewer, "BOAT-2", "游艇驾驶证考试要交多少费用？", "海事局", "考试收费200元；如有疑问请拨打 12328。");

        using (var run = await reviewer.PostAsync("/api/admin/bank/consistency/run", null))
            Assert.True((await run.JsonAsync(HttpStatusCode.OK))["found"]!.GetValue<int>() >= 1);
        var flags = await OpenFlagsAsync(reviewer);
        var dog = flags.Single(f => f["pairKey"]!.GetValue<string>() == "DOG-1|DOG-2");
        Assert.True(dog["crossDepartment"]!.GetValue<bool>());
        var kinds = dog["conflicts"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("fee", kinds);
        Assert.Contains("phone", kinds);
        var fee = dog["conflicts"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "fee")!;
        Assert.Equal(["300元"], fee["onlyInFirst"].Strings());
        Assert.Equal(["500元"], fee["onlyInSecond"].Strings());
        Assert.DoesNotContain(flags, f => f["pairKey"]!.GetValue<string>().Contains("BOAT"));

        // Dismissed stays dismissed on the next run …
        await DecideAsync(reviewer, new { pair = "DOG-1|DOG-2", action = "dismiss", note = "两区收费不同" });
        await reviewer.PostAsync("/api/admin/bank/consistency/run", null);
        Assert.DoesNotContain(await OpenFlagsAsync(reviewer), f => f["pairKey"]!.GetValue<string>() == "DOG-1|DOG-2");
        // … until either answer changes.
        var edit = await editor.ProposeAsync(new { baseEntryId = "DOG-2", answer = "**收费**：登记费 600 元。咨询电话：0571-87289999。", origin = "editor" });
        await reviewer.PublishedAsync(edit.Id());
        await reviewer.PostAsync("/api/admin/bank/consistency/run", null);
        Assert.Contains(await OpenFlagsAsync(reviewer), f => f["pairKey"]!.GetValue<string>() == "DOG-1|DOG-2");

        // Merge keeps one and turns the other's phrasings into drafts for review.
        var merged = await DecideAsync(reviewer, new { pair = "DOG-1|DOG-2", action = "merge", keep = "DOG-1" });
        Assert.Equal("merged", merged["status"]!.GetValue<string>());
        var draftIds = merged["draftIds"]!.GetValue<string>().Split(',');
        var gain = await reviewer.GetJsonAsync($"/api/admin/bank/drafts/{draftIds[0]}");
        Assert.Contains("办养犬登记证要交多少钱，怎么办？", gain["proposed"]!["similarQuestions"].Strings());
        var retire = await reviewer.GetJsonAsync($"/api/admin/bank/drafts/{draftIds[1]}");
        Assert.Equal("retired", retire["proposed"]!["status"]!.GetValue<string>());

        var audit = (await reviewer.GetJsonAsync("/api/admin/audit?target=" + Uri.EscapeDataString("DOG-1|DOG-2")))["items"]!.AsArray();
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "consistency.dismiss");
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "consistency.merge");
    }

    [Fact]
    public async Task OnlyAReviewerOfBothDepartmentsDecidesOnAPair()
    {
        using var reviewer = await bank.StaffAsync("reviewer.cd", ["reviewer", "editor"], "*");
        using var editor = await bank.StaffAsync("editor.cd", ["editor"], "*");
        using var narrow = await bank.StaffAsync("reviewer.narrow", ["reviewer"], "城市管理局");
        await PublishAsync(editor, reviewer, "CAT-1", "宠物猫免疫证明在哪里开？", "农业农村局", "到动物诊疗机构办理，收费 30 元。");
        await PublishAsync(editor, reviewer, "CAT-2", "宠物猫免疫证明在哪里开？", "城市管理局", "到动物诊疗机构办理，收费 50 元。");
        await reviewer.PostAsync("/api/admin/bank/consistency/run", null);
        Assert.Contains(await OpenFlagsAsync(reviewer), f => f["pairKey"]!.GetValue<string>() == "CAT-1|CAT-2");

        using var refused = await narrow.PostAsJsonAsync("/api/admin/bank/consistency/decision", new { pair = "CAT-1|CAT-2", action = "dismiss" });
        Assert.Contains("农业农村局", await refused.DetailAsync(HttpStatusCode.Forbidden));
        using var bad = await reviewer.PostAsJsonAsync("/api/admin/bank/consistency/decision", new { pair = "CAT-1|CAT-2", action = "ignore" });
        Assert.Contains("action", await bad.DetailAsync(HttpStatusCode.BadRequest));
    }

    private static async Task PublishAsync(HttpClient editor, HttpClient reviewer, string id, string question, string department, string answer)
    {
        var draft = await editor.ProposeAsync(new { baseEntryId = (string?)null, entryId = id, question, answer, department, origin = "editor" });
        await reviewer.PublishedAsync(draft.Id());
    }

    private static async Task<List<JsonNode>> OpenFlagsAsync(HttpClient client) =>
        [.. (await client.GetJsonAsync("/api/admin/bank/consistency?status=open"))["items"]!.AsArray().Select(n => n!)];

    private static async Task<JsonObject> DecideAsync(HttpClient client, object decision)
    {
        using var response = await client.PostAsJsonAsync("/api/admin/bank/consistency/decision", decision);
        return await response.JsonAsync(HttpStatusCode.OK);
    }
}
