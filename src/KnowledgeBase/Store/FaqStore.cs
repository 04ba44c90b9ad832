using System.Data.Common;
using GovAssistant.KnowledgeBase.Storage;
using Microsoft.Data.Sqlite;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The bank in a SQLite file (the embedded default: one machine). See <see cref="BankStore"/> for what it keeps.
/// </summary>
/// <remarks>
/// Safe to share as a singleton: each operation opens its own (pooled) connection. The file runs in WAL mode, so
/// reads never wait for a write and see either all of an import or none of it. Writes within this process are queued;
/// another process writing the same file is waited for (up to the command timeout).
/// </remarks>
public sealed class FaqStore : BankStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Opens (creating if needed) the bank at <see cref="KnowledgeBaseOptions.DatabasePath"/>.</summary>
    /// <param name="options">Where the file is.</param>
    /// <param name="time">Clock for change times; the system clock when null.</param>
    public FaqStore(KnowledgeBaseOptions options, TimeProvider? time = null)
        : this(ConnectionStringFor(options), time)
    {
    }

    /// <summary>
    /// Opens (creating if needed) the bank a SQLite connection string names, creating its folder, schema and WAL
    /// journal at once so a bad path fails at start-up. In-memory databases are not supported: every operation
    /// opens a fresh connection.
    /// </summary>
    /// <param name="connectionString">For example <c>Data Source=App_Data/govassistant.db</c>.</param>
    /// <param name="time">Clock for change times; the system clock when null.</param>
    public FaqStore(string connectionString, TimeProvider? time = null)
        : base(time)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            throw new ArgumentException("问答库需要一个数据库文件路径，不支持内存数据库。", nameof(connectionString));

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);

        _connectionString = builder.ToString();
        using (var connection = Open())
            SqliteBankSchema.Prepare(connection);
        SchemaMigrations.Run(StorageProvider.Sqlite, _connectionString, typeof(BankStore).Assembly, SqliteBankSchema.JournalTable);
    }

    private protected override BankSql Sql => BankSql.Sqlite;

    private protected override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => new(Open());

    private protected override ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // A deferred transaction in WAL mode reads one committed state until it ends.
        new(((SqliteConnection)connection).BeginTransaction(deferred: true));

    private protected override IEntryWriter NewWriter(DbConnection connection, DbTransaction transaction) =>
        new SqliteEntryWriter((SqliteConnection)connection, (SqliteTransaction)transaction);

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction, one writer at a time; rolls back if it throws.</summary>
    private protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            // IMMEDIATE takes the write lock at once, so a read-then-write cannot fail half way with SQLITE_BUSY.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static string ConnectionStringFor(KnowledgeBaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        return new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.DatabasePath) }.ToString();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
