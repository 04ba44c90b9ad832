using System.Data.Common;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Agents;

/// <summary>Staff accounts in the service's SQLite file (times as ISO-8601 text, name lists as JSON text).</summary>
public sealed class SqliteAgentAccountStore(SqliteDatabase database, TimeProvider time) : AgentAccountStore(time)
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    protected override Task<(DbConnection Connection, DbTransaction Transaction)> BeginExclusiveAsync(CancellationToken cancellationToken)
    {
        var connection = database.Open();
        // IMMEDIATE: the write lock from the start, not at the first write after the check.
        return Task.FromResult<(DbConnection, DbTransaction)>((connection, connection.BeginTransaction(deferred: false)));
    }

    protected override object Stamp(DateTimeOffset at) => StoredTime.Text(at);

    protected override string Json(string parameter) => parameter;
}
