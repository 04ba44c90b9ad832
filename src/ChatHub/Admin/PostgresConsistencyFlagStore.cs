using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Admin;

/// <summary>Consistency flags in PostgreSQL.</summary>
public sealed class PostgresConsistencyFlagStore(PostgresDatabase database) : ConsistencyFlagStore
{
    protected override async Task<(DbConnection Connection, DbTransaction Transaction)> BeginSyncAsync()
    {
        var connection = await database.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        // Two nodes' monitors may run at once: the second waits, then reads what the first stored.
        await connection.ExecuteAsync("LOCK TABLE consistency_flags IN EXCLUSIVE MODE;", transaction: transaction);
        return (connection, transaction);
    }

    protected override async Task<DbConnection> OpenAsync() => await database.OpenAsync();

    protected override object Stamp(DateTimeOffset at) => at.ToUniversalTime();

    protected override string ConflictsJson => "CAST(@conflicts AS jsonb)";
}
