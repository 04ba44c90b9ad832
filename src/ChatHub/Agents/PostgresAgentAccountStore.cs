using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Agents;

/// <summary>Staff accounts in PostgreSQL (times as <c>timestamptz</c>, name lists as <c>jsonb</c>).</summary>
public sealed class PostgresAgentAccountStore(PostgresDatabase database, TimeProvider time) : AgentAccountStore(time)
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    protected override async Task<(DbConnection Connection, DbTransaction Transaction)> BeginExclusiveAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Readers go on; a second account change (on any node) waits until this one commits, then sees it.
        await connection.ExecuteAsync(new CommandDefinition("LOCK TABLE agents IN SHARE ROW EXCLUSIVE MODE;", transaction: transaction, cancellationToken: cancellationToken));
        return (connection, transaction);
    }

    protected override object Stamp(DateTimeOffset at) => at.ToUniversalTime();

    protected override string Json(string parameter) => $"CAST({parameter} AS jsonb)";
}
