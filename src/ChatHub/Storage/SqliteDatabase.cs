using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Storage;

/// <summary>
/// The service's SQLite file as every store of the host opens it: pooled connections, write-ahead log,
/// <c>synchronous = NORMAL</c> (a commit survives a crash of the process; only an OS crash may lose the last few — it
/// saves a disk sync per chat message, which the live-chat load benchmark showed to be the bottleneck) and a busy
/// timeout so concurrent writers wait instead of failing.
/// </summary>
public sealed class SqliteDatabase
{
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
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
