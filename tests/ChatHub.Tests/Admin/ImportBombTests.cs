using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GovAssistant.KnowledgeBase.Tests;

namespace GovAssistant.ChatHub.Tests.Admin;

/// <summary>
/// Hostile bank files through the web import and the CLI: a small .xlsx holding a million rows is refused with a
/// short Chinese answer, and a file of many bad rows lists the first hundred errors and counts the rest.
/// </summary>
public sealed class ImportBombTests(BankAdminHost bank) : IClassFixture<BankAdminHost>
{
    [Fact]
    public async Task ASmallXlsxOfAMillionRowsIsRefusedWithAShortChineseAnswer()
    {
        var bomb = XlsxBomb.Create(rows: 1_000_000);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be under the 5 MB upload limit by far, was {bomb.Length} bytes");
        using var admin = await bank.AdminAsync();

        using var response = await UploadAsync(admin, "bomb.xlsx", bomb);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Length < 4 * 1024, $"the answer should be small, was {body.Length} characters");
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(1, problem["errorCount"]!.GetValue<int>());
        Assert.Contains("超过 50000 行的上限", problem["errors"]![0]!["message"]!.GetValue<string>());
        // Nothing was stored as a draft.
        var drafts = await admin.GetJsonAsync("/api/admin/bank/drafts");
        Assert.DoesNotContain("bomb.xlsx", drafts.ToJsonString());
    }

    [Fact]
    public async Task AnXlsxThatUnpacksPastTheConfiguredLimitIsRefusedBeforeParsing()
    {
        using var folder = new TempFolder();
        await using var app = new LoopbackApp(folder.Path, new Dictionary<string, string>
        {
            ["KnowledgeBase:MaxImportUncompressedBytes"] = (1024 * 1024).ToString(),
            ["GOVASSISTANT_ADMIN_PASSWORD"] = Agents.AgentsHost.AdminPassword,
        });
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = app.Start() };
        (await Agents.AgentClient.LoginAsync(admin, "admin", Agents.AgentsHost.AdminPassword)).EnsureSuccessStatusCode();

        using var response = await UploadAsync(admin, "tall.xlsx", XlsxBomb.Create(rows: 100_000));

        Assert.Contains("解压后超过 1 MB 的上限", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ACsvOfAThousandBadRowsListsTheFirstHundredErrorsAndCountsAll()
    {
        var csv = "id,question,answer\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"BAD-{i},问题{i},\n"));
        using var admin = await bank.AdminAsync();

        using var response = await UploadAsync(admin, "bad.csv", Encoding.UTF8.GetBytes(csv));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1_000, problem["errorCount"]!.GetValue<int>());
        Assert.Equal(100, problem["errors"]!.AsArray().Count);
        Assert.Equal(2, problem["errors"]![0]!["line"]!.GetValue<int>());
        Assert.Contains("有 1000 处错误（下面列出前 100 处）", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheCliRefusesTheSameBombAndStoresNothing()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "bomb.xlsx");
        await File.WriteAllBytesAsync(path, XlsxBomb.Create(rows: 60_000));
        var environment = new Dictionary<string, string> { ["KnowledgeBase__DatabasePath"] = folder.File(Path.Combine("App_Data", "bank.db")) };

        var run = await ChatHubCli.RunAsync(folder.Path, environment, "import", path);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("超过 50000 行的上限", run.Output);
        Assert.True(run.Output.Length < 2_000, run.ToString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/admin/bank/import", form);
    }
}
