using Dapper;
using GovAssistant.Tests.Shared;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GovAssistant.KnowledgeBase.Tests.Store;

/// <summary>One empty bank database for one test, on SQLite or PostgreSQL; every store it opens shares it.</summary>
public abstract class TestBank : IAsyncDisposable
{
    /// <summary>Creates the empty database.</summary>
    public abstract Task InitializeAsync();

    /// <summary>A new store instance on this database (two of them are two nodes, or two processes).</summary>
    public abstract IBankStore NewStore(TimeProvider? time = null);

    /// <summary>Makes every later insert of an entry with <paramref name="id"/> fail inside the database.</summary>
    public abstract Task BreakInsertsOfAsync(string id);

    public abstract ValueTask DisposeAsync();
}

/// <summary>A bank file in a folder that does not exist yet (the store must create it).</summary>
public sealed class SqliteTestBank : TestBank
{
    private readonly TempFolder _folder = new();

    public string DatabasePath => _folder.File(Path.Combine("App_Data", "bank.db"));

    public override Task InitializeAsync() => Task.CompletedTask;

    public override IBankStore NewStore(TimeProvider? time = null) => new FaqStore(new KnowledgeBaseOptions { DatabasePath = DatabasePath }, time);

    public override async Task BreakInsertsOfAsync(string id)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.ExecuteAsync($"CREATE TRIGGER boom BEFORE INSERT ON entries WHEN NEW.id = '{id}' BEGIN SELECT RAISE(ABORT, 'boom'); END;");
    }

    public override ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>An empty database on the test PostgreSQL server, dropped at the end.</summary>
public sealed class PostgresTestBank : TestBank
{
    private readonly List<PostgresBankStore> _stores = [];

    public string ConnectionString { get; private set; } = "";

    public override async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync();

    public override IBankStore NewStore(TimeProvider? time = null)
    {
        var store = new PostgresBankStore(ConnectionString, time);
        lock (_stores) _stores.Add(store);
        return store;
    }

    public override async Task BreakInsertsOfAsync(string id)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync($"""
            CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.id = '{id}' THEN RAISE EXCEPTION 'boom'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER boom BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION boom();
            """);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
        if (ConnectionString.Length > 0) await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}

/// <summary>Opens a <see cref="TestBank"/> per test and closes it after; the provider is the subclass's choice.</summary>
public abstract class BankContract : IAsyncLifetime
{
    protected TestBank Database { get; private set; } = null!;

    /// <summary>The bank database kind the subclass tests.</summary>
    protected abstract TestBank CreateBank();

    public virtual async Task InitializeAsync()
    {
        Database = CreateBank();
        await Database.InitializeAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
