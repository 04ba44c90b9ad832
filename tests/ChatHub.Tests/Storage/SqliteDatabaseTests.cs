using GovAssistant.ChatHub.Storage;
using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Tests.Storage;

/// <summary>The connection settings every store relies on, now set once per pooled SQLite handle.</summary>
public sealed class SqliteDatabaseTests
{
    [Fact]
    public void EveryConnectionHandedOutHasTheBusyTimeoutAndNormalSyncWhetherNewOrReusedFromThePool()
    {
        using var folder = new TempFolder();
        var database = new SqliteDatabase(folder.File("bank.db"));

        using (var first = database.Open())
        using (var second = database.Open())
        {
            Assert.NotSame(first.Handle, second.Handle);
            Assert.Equal((5000L, 1L), Settings(first));
            Assert.Equal((5000L, 1L), Settings(second));
        }
        using var reused = database.Open();
        Assert.Equal((5000L, 1L), Settings(reused));
        SqliteConnection.ClearAllPools();
    }

    private static (long BusyTimeout, long Synchronous) Settings(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        var busy = (long)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA synchronous;";
        return (busy, (long)command.ExecuteScalar()!);
    }
}
