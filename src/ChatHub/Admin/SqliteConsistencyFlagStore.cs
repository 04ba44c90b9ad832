using System.Data.Common;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Admin;

/// <summary>Consistency flags in the service's SQLite file.</summary>
public sealed class SqliteConsistencyFlagStore(SqliteDatabase database) : ConsistencyFlagStore
{
    protected override Task<(DbConnection Connection, DbTransaction Transaction)> BeginSyncAsync()
    {
        var connection = database.Open();
        // IMMEDIATE: the write lock from the start, so two runs cannot both read the old flags.
        return Task.FromResult<(DbConnection, DbTransaction)>((connection, connection.BeginTransaction(deferred: false)));
    }

    protected override async Task<DbConnection> OpenAsync() => await database.OpenAsync();

    protected override object Stamp(DateTimeOffset at) => StoredTime.Text(at);

    protected override string ConflictsJson => "@conflicts";
}
