using GovAssistant.KnowledgeBase;

namespace GovAssistant.ChatHub.Tests;

/// <summary>
/// The verbs run as an operator would, from a folder of their own (issue 10, defect 3): a path they type resolves
/// against that folder; the service's configured files resolve against the service's folder, never the caller's.
/// </summary>
public sealed class CliPathsTests : IDisposable
{
    private readonly TempFolder _caller = new();
    private readonly string _dataName = "cli-paths-" + Guid.NewGuid().ToString("N");
    private readonly string _appFolder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;

    public void Dispose()
    {
        _caller.Dispose();
        try { Directory.Delete(Path.Combine(_appFolder, "App_Data", _dataName), recursive: true); }
        catch (DirectoryNotFoundException) { }
    }

    [Fact]
    public async Task ImportFromAnotherFolderReadsTheTypedPathThereAndWritesTheServicesOwnDatabase()
    {
        _caller.Write("my.csv", "id,question,answer,category\nCLI-001,社保卡丢了怎么挂失,拨打服务热线挂失。,社保\n");
        // Relative, as in appsettings.json: they belong to the service's folder, not to wherever the command runs.
        var environment = new Dictionary<string, string>
        {
            ["KnowledgeBase__DatabasePath"] = $"App_Data/{_dataName}/govassistant.db",
            ["QaEngine__IndexPath"] = $"App_Data/{_dataName}/index",
        };

        var run = await ChatHubCli.RunAsync(_caller.Path, environment, "import", "my.csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var database = Path.Combine(_appFolder, "App_Data", _dataName, "govassistant.db");
        Assert.Contains($"数据库：{database}；索引：{Path.Combine(_appFolder, "App_Data", _dataName, "index")}", run.Output);
        Assert.Contains($"文件：{_caller.File("my.csv")}", run.Output);
        Assert.False(Directory.Exists(_caller.File("App_Data")), "a second database was created in the caller's folder");
        var drafts = await new FaqStore(new KnowledgeBaseOptions { DatabasePath = database }).ListDraftsAsync(DraftStatus.Pending);
        Assert.Equal("CLI-001", Assert.Single(drafts).Proposed.Id);
    }
}
