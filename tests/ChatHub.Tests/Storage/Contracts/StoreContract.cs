using GovAssistant.ChatHub.Storage;
using GovAssistant.KnowledgeBase.Storage;
using GovAssistant.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>
/// Base of the store contract tests: a fresh database of <paramref name="provider"/> with the host's migrations run —
/// a temporary SQLite file, or a throwaway PostgreSQL database dropped afterwards — and a clock the test moves.
/// </summary>
public abstract class StoreContract(StorageProvider provider) : IAsyncLifetime
{
    private string? _sqlitePath;
    private string? _postgres;

    /// <summary>The clock the stores are given.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    /// <summary>The SQLite database (SQLite runs only).</summary>
    protected SqliteDatabase Sqlite { get; private set; } = null!;

    /// <summary>The PostgreSQL database (PostgreSQL runs only).</summary>
    protected PostgresDatabase Postgres { get; private set; } = null!;

    /// <summary>Which provider this run uses.</summary>
    protected StorageProvider Provider => provider;

    /// <summary>The store of this run's provider.</summary>
    protected T Pick<T>(Func<SqliteDatabase, T> sqlite, Func<PostgresDatabase, T> postgres) =>
        provider == StorageProvider.Postgres ? postgres(Postgres) : sqlite(Sqlite);

    public async Task InitializeAsync()
    {
        if (provider == StorageProvider.Postgres)
        {
            _postgres = await PostgresServer.CreateDatabaseAsync();
            SchemaMigrations.Run(StorageProvider.Postgres, _postgres, typeof(StorageOptions).Assembly, StorageServiceCollectionExtensions.JournalTable);
            Postgres = new PostgresDatabase(_postgres);
            return;
        }
        _sqlitePath = Path.Combine(Path.GetTempPath(), $"govassistant-store-{Guid.NewGuid():N}.db");
        Sqlite = new SqliteDatabase(_sqlitePath);
        SchemaMigrations.Run(StorageProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = _sqlitePath }.ToString(),
            typeof(StorageOptions).Assembly, StorageServiceCollectionExtensions.JournalTable);
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await Postgres.DisposeAsync();
            await PostgresServer.DropDatabaseAsync(_postgres);
        }
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" }) File.Delete(file);
        }
    }
}
