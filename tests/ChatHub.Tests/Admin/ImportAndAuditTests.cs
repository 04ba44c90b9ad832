using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GovAssistant.ChatHub.Tests.Agents;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>Uploads become drafts of one batch (or a line-numbered report); every action lands in the audit log and its CSV.</summary>
public sealed class ImportAndAuditTests(BankAdminHost bank) : IClassFixture<BankAdminHost>
{
    [Fact]
    public async Task AFileWithBadLinesIsRefusedWithLineNumbersAndAGoodOneBecomesDraftsAwaitingReview()
    {
        using var editor = await bank.StaffAsync("editor.imp", ["editor"], BankAdminHost.Huzheng);
        const string bad = """
            {"id":"IMP-1","question":"进口问题一？","answer":"答案一"}
            {"id":"IMP-2","question":"","answer":"答案二"}
            not json
            """;
        using (var refused = await UploadAsync(editor, "bad.jsonl", bad))
        {
            var problem = await refused.JsonAsync(HttpStatusCode.BadRequest);
            var lines = problem["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<int>()).ToList();
            Assert.Equal([2, 3], lines);
            Assert.Contains("未导入任何条目", problem["detail"]!.GetValue<string>());
        }
        Assert.DoesNotContain((await editor.GetJsonAsync("/api/admin/bank/drafts?status=pending"))["items"]!.AsArray(),
            d => d!["entryId"]?.GetValue<string>() == "IMP-1");

        var original = (await editor.GetJsonAsync("/api/admin/bank/entries/HJ-002"))["entry"]!["answer"]!.GetValue<string>();
        const string good = """
            {"id":"IMP-1","question":"进口问题一？","answer":"答案一","department":"公安局户政管理部门"}
            {"id":"HJ-002","question":"买了房子能把户口迁到新房吗？","answer":"以迁入地政策为准（导入修改）。","department":"公安局户政管理部门"}
            """;
        using var accepted = await UploadAsync(editor, "good.jsonl", good);
        var batch = await accepted.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, batch["drafts"]!.GetValue<int>());
        var drafts = (await editor.GetJsonAsync($"/api/admin/bank/drafts?batch={batch["batchId"]!.GetValue<string>()}"))["items"]!.AsArray();
        Assert.All(drafts, d => Assert.Equal("import", d!["origin"]!.GetValue<string>()));
        Assert.Contains(drafts, d => d!["baseEntryId"]?.GetValue<string>() == "HJ-002");
        Assert.Contains(drafts, d => d!["baseEntryId"] is null && d["entryId"]!.GetValue<string>() == "IMP-1");
        // Nothing changed in the bank until review.
        Assert.Equal(original, (await editor.GetJsonAsync("/api/admin/bank/entries/HJ-002"))["entry"]!["answer"]!.GetValue<string>());
        using var missing = await editor.GetAsync("/api/admin/bank/entries/IMP-1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using (var wrongType = await UploadAsync(editor, "bank.txt", "x"))
            Assert.Contains(".txt", await wrongType.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task AdministrativeActionsAreAuditedAndExportAsExcelReadableCsv()
    {
        using var editor = await bank.StaffAsync("editor.aud", ["editor"], BankAdminHost.Huzheng);
        using var reviewer = await bank.StaffAsync("reviewer.aud", ["reviewer"], BankAdminHost.Huzheng);
        var draft = await editor.ProposeAsync(new { baseEntryId = "HJ-004", answer = "审计测试答案。", origin = "editor", note = "审计" });
        await reviewer.PublishedAsync(draft.Id());

        using (var editorAudit = await editor.GetAsync("/api/admin/audit"))
            Assert.Equal(HttpStatusCode.Forbidden, editorAudit.StatusCode);
        var items = (await reviewer.GetJsonAsync($"/api/admin/audit?target={draft.Id()}"))["items"]!.AsArray();
        Assert.Contains(items, i => i!["action"]!.GetValue<string>() == "draft.create" && i["actor"]!.GetValue<string>() == "editor.aud");
        Assert.Contains(items, i => i!["action"]!.GetValue<string>() == "draft.publish" && i["actor"]!.GetValue<string>() == "reviewer.aud");

        using var csv = await reviewer.GetAsync("/api/admin/audit/export.csv?action=draft.publish");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("编号,时间,操作人,操作,对象,详情", text);
        Assert.Contains($",reviewer.aud,draft.publish,{draft.Id()},", text);
        Assert.DoesNotContain("draft.create", text);

        using var badRange = await reviewer.GetAsync("/api/admin/audit?from=yesterday");
        Assert.Contains("from", await badRange.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task AnAuditQueryThroughTheLastDayOfTheCalendarListsEverythingInsteadOfFailing()
    {
        using var reviewer = await bank.StaffAsync("reviewer.calendar", ["reviewer"], BankAdminHost.Huzheng);
        await reviewer.ProposeAsync(new { baseEntryId = "HJ-005", answer = "日历边界测试答案。", origin = "editor" });

        var items = (await reviewer.GetJsonAsync("/api/admin/audit?from=0001-01-01&to=9999-12-31&actor=reviewer.calendar"))["items"]!.AsArray();
        Assert.Contains(items, i => i!["action"]!.GetValue<string>() == "draft.create");
        using var csv = await reviewer.GetAsync("/api/admin/audit/export.csv?to=9999-12-31&actor=reviewer.calendar");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains(",reviewer.calendar,draft.create,", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, string content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/admin/bank/import", form);
    }
}
