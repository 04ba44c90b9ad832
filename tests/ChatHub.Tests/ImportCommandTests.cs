using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Storage;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Tests;

/// <summary>The <c>import</c> verb run as its own process against a database the test can open too.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _database;
    private readonly Dictionary<string, string> _environment;

    public ImportCommandTests()
    {
        _database = _folder.File(Path.Combine("App_Data", "bank.db"));
        _environment = new() { ["KnowledgeBase__DatabasePath"] = _database };
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task FileWithErrorsIsRejectedWithLineNumbersAndTheDatabaseIsUntouched()
    {
        var store = new FaqStore(new KnowledgeBaseOptions { DatabasePath = _database });
        await store.ImportAsync(new BankImporter().ReadFile(_folder.Write("existing.jsonl",
            """{"id":"OLD-001","question":"身份证丢了怎么补办","answer":"到派出所补领。"}""" + "\n")), replace: false, "test");
        var before = await store.ListAsync();
        var revisionBefore = await store.GetRevisionAsync();
        var bad = _folder.Write("bad.jsonl", string.Join('\n',
            """{"id":"NEW-001","question":"居住证怎么办理","answer":"到居住地派出所申领。"}""",
            """{"id":"NEW-002","question":"护照怎么办理"}""",
            """{"id":"NEW-001","question":"居住证在哪办","answer":"派出所。"}""",
            """{"id":"OLD-001","question":"身份证丢了怎么补办","answer":"改过的答案。"}""") + "\n");

        var run = await ChatHubCli.RunAsync(_folder.Path, _environment, "import", bad);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("第 2 行", run.Output);
        Assert.Contains("answer", run.Output);
        Assert.Contains("第 3 行", run.Output);
        Assert.Contains("重复", run.Output);
        Assert.Contains("未做任何修改", run.Output);
        Assert.Equal(before, await store.ListAsync());
        Assert.Equal(revisionBefore, await store.GetRevisionAsync());
        Assert.Null(await store.GetAsync("NEW-001"));
    }

    [Fact]
    public async Task ValidCsvBecomesDraftsForReviewByDefault()
    {
        var csv = _folder.Write("good.csv", GoodCsv);

        var run = await ChatHubCli.RunAsync(_folder.Path, _environment, "import", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("生成草稿 2 条", run.Output);
        Assert.Contains($"数据库：{_database}", run.Output);
        var store = new FaqStore(new KnowledgeBaseOptions { DatabasePath = _database });
        Assert.Empty(await store.ListAsync());
        var drafts = await store.ListDraftsAsync(DraftStatus.Pending);
        Assert.Equal(["CSV-001", "CSV-002"], drafts.Select(d => d.Proposed.Id).Order());
        Assert.All(drafts, d => Assert.Equal(DraftOrigin.Import, d.Origin));
        Assert.Single(drafts.Select(d => d.BatchId).Distinct());
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == "bank.import" && a.Detail!.Contains("drafts=2"));
    }

    [Fact]
    public async Task PublishWithAnOperatorStoresTheFileAtOnceAndAuditsItUnderTheirName()
    {
        var csv = _folder.Write("good.csv", GoodCsv);

        var run = await ChatHubCli.RunAsync(_folder.Path, _environment, "import", csv, "--publish", "--by", "李明");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("导入完成：新增 2", run.Output);
        Assert.Contains("操作人 李明", run.Output);
        var entry = Assert.Single(await AuditAsync(), a => a.Action == "bank.import.publish");
        Assert.Equal("李明", entry.Actor);
        Assert.Contains("created=2", entry.Detail);
        var store = new FaqStore(new KnowledgeBaseOptions { DatabasePath = _database });
        var entries = await store.ListAsync();
        Assert.Equal(["CSV-001", "CSV-002"], entries.Select(e => e.Id));
        Assert.Equal(["社保卡遗失", "社保卡不见了"], entries[0].SimilarQuestions);
        Assert.Equal("拨打服务热线挂失，\n或到网点办理。", entries[0].Answer);
        Assert.Equal("公积金", entries[1].Category);
    }

    [Fact]
    public async Task PublishWithoutAnOperatorAndReplaceWithoutPublishAreRefused()
    {
        var csv = _folder.Write("good.csv", GoodCsv);

        var anonymous = await ChatHubCli.RunAsync(_folder.Path, _environment, "import", csv, "--publish");
        var replace = await ChatHubCli.RunAsync(_folder.Path, _environment, "import", csv, "--replace");

        Assert.Equal(2, anonymous.ExitCode);
        Assert.Contains("--by", anonymous.Output);
        Assert.Equal(2, replace.ExitCode);
        Assert.Contains("--replace", replace.Output);
        var store = new FaqStore(new KnowledgeBaseOptions { DatabasePath = _database });
        Assert.Empty(await store.ListAsync());
        Assert.Empty(await store.ListDraftsAsync());
    }

    [Fact]
    public async Task MissingFileFailsWithoutCreatingEntries()
    {
        var run = await ChatHubCli.RunAsync(_folder.Path, _environment, "import", _folder.File("nope.jsonl"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("文件不存在", run.Output);
    }

    private const string GoodCsv =
        "id,question,similarQuestions,answer,category\n" +
        "CSV-001,社保卡丢了怎么挂失,社保卡遗失|社保卡不见了,\"拨打服务热线挂失，\n或到网点办理。\",社保\n" +
        "CSV-002,公积金怎么提取,,符合条件可申请提取。,公积金\n";

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        await new SqliteAuditLog(new SqliteDatabase(_database), TimeProvider.System).ListAsync(new AuditQuery());
}
