using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Tests.Storage;

/// <summary>
/// The service's files: created readable by its own user only, checked at start-up, and a start-up that cannot use
/// them stops with one Chinese sentence naming the file and the cause, not a stack trace.
/// </summary>
public sealed class DataFilesTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task TheDatabaseItsLogAndTheIndexAndKeyFoldersAreCreatedForTheServiceUserOnlyAndHealthzReportsTheCheck()
    {
        var data = Path.Combine(_folder.Path, "data");
        await using var app = new LoopbackApp(_folder.Path, new Dictionary<string, string>
        {
            ["KnowledgeBase:DatabasePath"] = Path.Combine(data, "bank.db"),
            ["QaEngine:IndexPath"] = Path.Combine(data, "index"),
        });
        using var http = new HttpClient { BaseAddress = app.Start() };

        var health = (await http.GetFromJsonAsync<JsonObject>("/healthz"))!;

        Assert.Equal("ok", health["database"]!["integrity"]!.GetValue<string>());
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(data));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(Path.Combine(data, "index")));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(Path.Combine(data, "keys")));
        Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(data, "bank.db")));
        // The write-ahead log and shared memory exist while a connection is open (the service's pool may have closed
        // its idle ones by now, so one is held here); SQLite gives them the database's mode.
        using var open = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "bank.db")}");
        open.Open();
        using (var read = open.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master";
            read.ExecuteScalar();
        }
        Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(data, "bank.db-wal")));
        Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(data, "bank.db-shm")));
    }

    [Fact]
    public async Task AnExistingWorldReadableDatabaseIsMadePrivateAtStart()
    {
        if (OperatingSystem.IsWindows()) return;
        var database = _folder.File("bank.db");
        File.WriteAllBytes(database, []);
        File.SetUnixFileMode(database, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using var app = new LoopbackApp(_folder.Path);
        app.Start();

        Assert.Equal(Private, File.GetUnixFileMode(database));
    }

    [Fact]
    public async Task AFileThatIsNotADatabaseStopsStartUpNamingItInChinese()
    {
        Directory.CreateDirectory(_folder.File("App_Data"));
        var database = _folder.Write(Path.Combine("App_Data", "bank.db"), "这不是数据库，是被覆盖的文本。" + new string('x', 5000));

        var run = await ServeAsync(database);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"数据库文件“{database}”无法使用：它不是 SQLite 数据库", run.Errors);
        Assert.Contains("备份", run.Errors);
        Assert.DoesNotContain("   at ", run.Errors + run.Output);
    }

    [Fact]
    public async Task CorruptDataPagesAreFoundByTheStartUpCheck()
    {
        var database = _folder.File(Path.Combine("App_Data", "bank.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var fill = connection.CreateCommand();
            fill.CommandText = "PRAGMA page_size = 4096; CREATE TABLE t(x TEXT); " +
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT printf('%0200d', i) FROM n;";
            fill.ExecuteNonQuery();
        }
        // Scribble over a page in the middle of the table: the header stays valid, the data does not.
        using (var file = new FileStream(database, FileMode.Open, FileAccess.Write))
        {
            file.Position = 4096L * 20;
            file.Write(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 + 13)).ToArray());
        }

        var run = await ServeAsync(database);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"数据库文件“{database}”", run.Errors);
        Assert.Contains("损坏", run.Errors);
        Assert.DoesNotContain("   at ", run.Errors + run.Output);
    }

    [Fact]
    public async Task AReadOnlyDataFolderStopsStartUpNamingTheFolderInChinese()
    {
        if (OperatingSystem.IsWindows()) return;
        var data = Path.Combine(_folder.Path, "App_Data");
        Directory.CreateDirectory(data);
        MakeReadOnly(data);
        try
        {
            var run = await ServeAsync(Path.Combine(data, "bank.db"));

            Assert.Equal(3, run.ExitCode);
            Assert.Contains($"数据目录“{data}”无法写入", run.Errors);
            Assert.DoesNotContain("   at ", run.Errors + run.Output);
        }
        finally
        {
            MakeWritable(data);
        }
    }

    private Task<CliRun> ServeAsync(string database) => ChatHubCli.RunAsync(_folder.Path, new Dictionary<string, string>
    {
        ["KnowledgeBase__DatabasePath"] = database,
        ["QaEngine__IndexPath"] = Path.Combine(_folder.Path, "index"),
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
    });

    // Root ignores permission bits, so as root the folder is made immutable instead (what a read-only mount does).
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeReadOnly(string folder)
    {
        if (Environment.UserName == "root") Run("chattr", "+i", folder);
        else File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeWritable(string folder)
    {
        if (Environment.UserName == "root") Run("chattr", "-i", folder);
        else File.SetUnixFileMode(folder, PrivateFolder);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }
}
