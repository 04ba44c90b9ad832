using Dapper;
using Microsoft.Data.Sqlite;

namespace GovAssistant.KnowledgeBase.Tests.Store;

/// <summary>What only the SQLite bank has: a file, its WAL journal, and files made before versioned migrations.</summary>
public sealed class SqliteBankFileTests : IAsyncLifetime
{
    private readonly SqliteTestBank _bank = new();

    public Task InitializeAsync() => _bank.InitializeAsync();

    public async Task DisposeAsync() => await _bank.DisposeAsync();

    [Fact]
    public async Task TheStoreCreatesItsFolderSchemaAndWalJournalAndRecordsItsMigrations()
    {
        _bank.NewStore();
        Assert.True(File.Exists(_bank.DatabasePath));

        await using var connection = Connect();
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal(["GovAssistant.KnowledgeBase.Migrations.Sqlite.0001_bank_initial.sql"],
            await connection.QueryAsync<string>("SELECT ScriptName FROM bank_migrations;"));
    }

    [Fact]
    public async Task AFileMadeByTheOldInCodeSchemaUpgradesInPlaceKeepingItsBankDraftsAndPolicies()
    {
        await MakeOldFileAsync(LegacySchema.Version1 + LegacySchema.Version2, LegacySchema.Rows + LegacySchema.Version2Rows);

        var store = _bank.NewStore();

        Assert.Equal(7, await store.GetRevisionAsync());
        var entry = (await store.GetAsync("OLD-1"))!;
        Assert.Equal((3, "旧答案。", new DateOnly(2026, 12, 31)), (entry.Version, entry.Answer, entry.ValidTo));
        Assert.Equal(["旧问法"], entry.SimilarQuestions);
        var history = Assert.Single(await store.GetHistoryAsync("OLD-1"));
        Assert.Equal(("张三", "审核人", "旧备注"), (history.ChangedBy, history.ReviewedBy, history.Note));
        Assert.Equal("《旧条例》", Assert.Single(await store.ListSupersededPoliciesAsync()).Basis);
        var (_, published) = await store.PublishDraftAsync("D-5", "审核人");
        Assert.Equal((4, "草稿答案。"), (published.Version, published.Answer));
        var next = await store.CreateDraftAsync(null, new DraftChanges { Question = "新问题？", Answer = "新答案。" }, DraftOrigin.Editor, null, "e");
        Assert.Equal("D-6", next.Id);
        Assert.Equal(8, await store.GetRevisionAsync());
    }

    [Fact]
    public async Task AFileOfTheFirstInCodeSchemaGainsTheHistoryColumnsAndTheReviewTables()
    {
        await MakeOldFileAsync(LegacySchema.Version1, LegacySchema.Rows);

        var store = _bank.NewStore();
        var draft = await store.CreateDraftAsync("OLD-1", new DraftChanges { Answer = "改。" }, DraftOrigin.Editor, "说明", "e");
        await store.PublishDraftAsync(draft.Id, "r");

        var history = await store.GetHistoryAsync("OLD-1");
        Assert.Equal([(3, null), (4, "r")], history.Select(h => (h.Entry.Version, h.ReviewedBy)));
        Assert.Equal(8, await store.GetRevisionAsync());
    }

    private async Task MakeOldFileAsync(string schema, string rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_bank.DatabasePath)!);
        await using var connection = Connect();
        await connection.ExecuteAsync(schema + rows);
    }

    private SqliteConnection Connect() => new($"Data Source={_bank.DatabasePath}");
}
