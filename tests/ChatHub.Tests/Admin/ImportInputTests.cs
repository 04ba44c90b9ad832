using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GovAssistant.ChatHub.Tests.Agents;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>Uploads that are not what the import expects get a Chinese 4xx, and nothing of them is stored.</summary>
public sealed class ImportInputTests(BankAdminHost bank) : IClassFixture<BankAdminHost>
{
    [Fact]
    public async Task ImportRejectsAFileWithALoneSurrogateWithAChineseMessage()
    {
        using var editor = await bank.StaffAsync("editor.surrogate", ["editor"], BankAdminHost.Huzheng);
        // Valid UTF-8 and valid JSON syntax, but the escape names half of a character.
        const string file = """
            {"id":"LS-1","question":"孤立代理项一？","answer":"答案一"}
            {"id":"LS-2","question":"\ud800孤立代理项二？","answer":"答案二"}
            """;
        using var form = Form("surrogate.jsonl", Encoding.UTF8.GetBytes(file));
        using var refused = await editor.PostAsync("/api/admin/bank/import", form);

        var problem = await refused.JsonAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal(2, error!["line"]!.GetValue<int>());
        Assert.Contains("Unicode", error["message"]!.GetValue<string>());
        Assert.DoesNotContain((await editor.GetJsonAsync("/api/admin/bank/drafts?status=all"))["items"]!.AsArray(),
            d => d!["entryId"]?.GetValue<string>() is "LS-1" or "LS-2");
    }

    [Theory]
    [InlineData("nul.jsonl", "{\"id\":\"NUL-1\",\"question\":\"空字符问题一？\",\"answer\":\"答\\u0000案\"}\n")]
    [InlineData("nul.csv", "id,question,answer\nNUL-2,空字符问题二？,\"答\0案\"\n")]
    public async Task ImportRejectsAFileWithANulCharacterWithALineNumberedChineseMessage(string name, string file)
    {
        // PostgreSQL's text and jsonb cannot hold U+0000: stored, the drafts of such a file failed there with a 500.
        using var editor = await bank.StaffAsync("editor." + name.Replace('.', '-'), ["editor"], BankAdminHost.Huzheng);
        using var form = Form(name, Encoding.UTF8.GetBytes(file));
        using var refused = await editor.PostAsync("/api/admin/bank/import", form);

        var problem = await refused.JsonAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem["errors"]!.AsArray());
        Assert.Equal("answer", error!["field"]!.GetValue<string>());
        Assert.Contains("空字符", error["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("editor.truncated", "garbage with no boundary line", "multipart/form-data; boundary=zzz")] // ends before its boundary
    [InlineData("editor.boundary", "x", "multipart/form-data")]                                          // no boundary: not "too large"
    public async Task ImportRefusesAMalformedMultipartBodyAsABadRequest(string user, string content, string contentType)
    {
        using var editor = await bank.StaffAsync(user, ["editor"], BankAdminHost.Huzheng);
        using var body = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var refused = await editor.PostAsync("/api/admin/bank/import", body);

        Assert.Contains("上传内容不完整", await refused.DetailAsync(HttpStatusCode.BadRequest));
    }

    private static MultipartFormDataContent Form(string name, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }
}
