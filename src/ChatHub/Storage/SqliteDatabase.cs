using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GovAssistant.ChatHub.Storage;

/// <summary>
/// The service's SQLite file as every store of the host opens it: pooled connections, write-ahead log,
/// <c>synchronous = NORMAL</c> (a commit survives a crash of the process; only an OS crash may lose the last few — it
/// saves a disk sync per chat message, which the live-chat load benchmark showed to be the bottleneck) and a busy
/// timeout so concurrent writers wait instead of failing.
/// </summary>
public sealed class SqliteDatabase
{
    // Native handles already given the PRAGMAs. Microsoft.Data.Sqlite has no hook for "a new physical connection":
    // a pooled SqliteConnection reuses its sqlite3 handle, and PRAGMA busy_timeout/synchronous are per handle, so
    // they are set the first time a handle is seen instead of on every Open (a statement per open on the hot path).
    // Weak keys: a handle the pool closes is forgotten with it.
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];

    private readonly string _connectionString;

    /// <summary>The database at <paramref name="path"/>; its folder is created and the write-ahead log switched on.</summary>
    public SqliteDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL;";
        wal.ExecuteNonQuery();
    }

    /// <summary>An open connection; dispose it when done.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        var handle = connection.Handle!;
        if (Prepared.TryGetValue(handle, out _)) return connection;
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        Prepared.TryAdd(handle, Prepared);
        return connection;
    }

    /// <summary>Runs <see cref="Open"/> as a task, for stores written against <see cref="System.Data.Common.DbConnection"/>.</summary>
    public ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<SqliteConnection>(cancellationToken) : ValueTask.FromResult(Open());
}
