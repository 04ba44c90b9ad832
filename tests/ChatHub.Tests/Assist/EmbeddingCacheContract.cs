using System.Data.Common;
using GovAssistant.ChatHub.Assist;
using GovAssistant.ChatHub.Storage;
using GovAssistant.KnowledgeBase.Storage;
using GovAssistant.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>
/// The entry-vector cache (host migration 0450 and <see cref="EmbeddingCache"/>), the same behaviour on SQLite and
/// PostgreSQL: exact round trip, a key stored once, other models untouched, stale texts pruned.
/// </summary>
public abstract class EmbeddingCacheContract : IAsyncLifetime
{
    private EmbeddingCache _cache = null!;

    protected abstract Task<Func<CancellationToken, Task<DbConnection>>> OpenMigratedAsync();

    public virtual async Task InitializeAsync() => _cache = new EmbeddingCache(await OpenMigratedAsync(), new FakeTimeProvider(DateTimeOffset.UtcNow));

    public abstract Task DisposeAsync();

    [Fact]
    public async Task VectorsComeBackBitForBitForTheirModelOnly()
    {
        var vector = new[] { 0.6f, -0.8f, 1e-7f, float.Epsilon };
        await _cache.SaveAsync("m1", 3, [new CachedEmbedding("SF-001", "h1", vector)]);
        await _cache.SaveAsync("m2", 3, [new CachedEmbedding("SF-001", "h1", [1f])]);

        var loaded = Assert.Single(await _cache.LoadAsync("m1"));
        Assert.Equal(("SF-001", "h1"), (loaded.EntryId, loaded.TextHash));
        Assert.Equal(vector, loaded.Vector);
        var other = Assert.Single(await _cache.LoadAsync("m2"));
        Assert.Equal(new[] { 1f }, other.Vector);
        Assert.Empty(await _cache.LoadAsync("m3"));
    }

    [Fact]
    public async Task AKeyAlreadyStoredIsKeptAndPruningRemovesOnlyTextsNoLongerInTheBank()
    {
        await _cache.SaveAsync("m", 1, [new CachedEmbedding("A", "a1", [1f, 0f]), new CachedEmbedding("B", "b1", [0f, 1f])]);
        await _cache.SaveAsync("m", 2, [new CachedEmbedding("A", "a1", [9f, 9f]), new CachedEmbedding("A", "a2", [0.5f, 0.5f])]);
        await _cache.SaveAsync("other", 2, [new CachedEmbedding("B", "b1", [1f])]);

        var all = (await _cache.LoadAsync("m")).ToDictionary(c => (c.EntryId, c.TextHash), c => c.Vector);
        Assert.Equal(new[] { 1f, 0f }, all[("A", "a1")]);
        Assert.Equal(3, all.Count);

        Assert.Equal(2, await _cache.PruneAsync("m", new HashSet<(string, string)> { ("A", "a2") }));
        var kept = Assert.Single(await _cache.LoadAsync("m"));
        Assert.Equal(("A", "a2"), (kept.EntryId, kept.TextHash));
        Assert.Single(await _cache.LoadAsync("other"));
    }
}

public sealed class SqliteEmbeddingCacheTests : EmbeddingCacheContract
{
    private readonly TempFolder _folder = new();

    protected override Task<Func<CancellationToken, Task<DbConnection>>> OpenMigratedAsync()
    {
        var path = _folder.File("cache.db");
        var database = new SqliteDatabase(path);
        SchemaMigrations.Run(StorageProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ToString(),
            typeof(StorageOptions).Assembly, StorageServiceCollectionExtensions.JournalTable);
        return Task.FromResult<Func<CancellationToken, Task<DbConnection>>>(_ => Task.FromResult<DbConnection>(database.Open()));
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresEmbeddingCacheTests : EmbeddingCacheContract
{
    private string _connectionString = null!;
    private PostgresDatabase? _database;

    protected override async Task<Func<CancellationToken, Task<DbConnection>>> OpenMigratedAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync();
        SchemaMigrations.Run(StorageProvider.Postgres, _connectionString, typeof(StorageOptions).Assembly, StorageServiceCollectionExtensions.JournalTable);
        _database = new PostgresDatabase(_connectionString);
        return async ct => await _database.OpenAsync(ct);
    }

    public override async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(_connectionString);
    }
}
