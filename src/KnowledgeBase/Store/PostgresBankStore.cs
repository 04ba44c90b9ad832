using System.Data;
using System.Data.Common;
using Dapper;
using GovAssistant.KnowledgeBase.Storage;
using Npgsql;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The bank in a PostgreSQL database shared by several nodes. See <see cref="BankStore"/> for what it keeps; it
/// behaves as <see cref="FaqStore"/> does, with times kept to the microsecond (PostgreSQL's precision).
/// </summary>
/// <remarks>
/// Writers take one transaction-scoped advisory lock, the cross-node counterpart of SQLite's IMMEDIATE transaction:
/// bank writes run one at a time across every node, so read-then-write steps (draft checks, import diffs) never
/// interleave and each write sees every earlier one; the revision only grows and no publish is lost. Readers never
/// wait: a snapshot is one REPEATABLE READ transaction, and an import is seen whole or not at all.
/// </remarks>
public sealed class PostgresBankStore : BankStore, IAsyncDisposable, IDisposable
{
    // Any fixed number unique to the bank among the service's advisory locks ("GABANK" in ASCII).
    private const long WriteLockKey = 0x474142414E4B;
    private const long MigrationLockKey = WriteLockKey + 1;

    private readonly NpgsqlDataSource _source;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Opens the bank in the database <paramref name="connectionString"/> names, migrating its schema first.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>ConnectionStrings:Postgres</c>).</param>
    /// <param name="time">Clock for change times; the system clock when null.</param>
    public PostgresBankStore(string connectionString, TimeProvider? time = null)
        : base(time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _source = NpgsqlDataSource.Create(connectionString);
        Migrate(connectionString);
    }

    private protected override BankSql Sql => BankSql.Postgres;

    private protected override DateTimeOffset Now()
    {
        // timestamptz keeps microseconds: stamp what will be read back, so a saved entry equals its stored self.
        var now = Time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    private protected override async ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

    private protected override IEntryWriter NewWriter(DbConnection connection, DbTransaction transaction) =>
        new PostgresEntryWriter((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);

    private protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken)
    {
        // Queue this process's writers here rather than each holding a pooled connection while it waits for the lock.
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key);", new { key = WriteLockKey },
                transaction, cancellationToken: cancellationToken));
            var result = work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    private void Migrate(string connectionString)
    {
        // Nodes starting together: one migrates, the others wait and then find nothing left to run.
        using var connection = _source.OpenConnection();
        connection.Execute("SELECT pg_advisory_lock(@key);", new { key = MigrationLockKey });
        try
        {
            SchemaMigrations.Run(StorageProvider.Postgres, connectionString, typeof(BankStore).Assembly, SqliteBankSchema.JournalTable);
        }
        finally
        {
            connection.Execute("SELECT pg_advisory_unlock(@key);", new { key = MigrationLockKey });
        }
    }
}
