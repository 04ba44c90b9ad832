using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Storage;
using GovAssistant.ChatHub.Tests.Infrastructure;
using GovAssistant.KnowledgeBase.Storage;
using GovAssistant.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Tests.Conversations.Store;

/// <summary>Conversation stores on a migrated database, as the host makes them (host migrations, then the store).</summary>
internal static class StoreFixtures
{
    /// <summary>Runs the host's SQLite migrations on <paramref name="path"/> and returns the database.</summary>
    public static SqliteDatabase MigratedSqlite(string path)
    {
        var database = new SqliteDatabase(path);
        SchemaMigrations.Run(StorageProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path }.ToString(),
            typeof(StorageOptions).Assembly, StorageServiceCollectionExtensions.JournalTable);
        return database;
    }

    /// <summary>Runs the host's PostgreSQL migrations on <paramref name="connectionString"/> and returns the database.</summary>
    public static PostgresDatabase MigratedPostgres(string connectionString)
    {
        SchemaMigrations.Run(StorageProvider.Postgres, connectionString, typeof(StorageOptions).Assembly, StorageServiceCollectionExtensions.JournalTable);
        return new PostgresDatabase(connectionString);
    }
}

/// <summary>A store on a fresh SQLite file, opened as many times as a test asks (processes sharing the file).</summary>
public sealed class SqliteStores : IAsyncDisposable
{
    private readonly TempFolder _folder = new();

    public SqliteStores() => Path = _folder.File("conversations.db");

    public string Path { get; }

    public IConversationStore Open() => new SqliteConversationStore(StoreFixtures.MigratedSqlite(Path));

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A store on a fresh PostgreSQL database, dropped on dispose.</summary>
public sealed class PostgresStores : IAsyncDisposable
{
    private readonly List<PostgresDatabase> _opened = [];

    private PostgresStores(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<PostgresStores> CreateAsync() => new(await PostgresServer.CreateDatabaseAsync());

    /// <summary>A store with its own connection pool, as a second node would have.</summary>
    public IConversationStore Open()
    {
        var database = StoreFixtures.MigratedPostgres(ConnectionString);
        _opened.Add(database);
        return new PostgresConversationStore(database);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var d in _opened) await d.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}
