using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Audit;

/// <summary>The audit log in PostgreSQL (times as <c>timestamptz</c>).</summary>
public sealed class PostgresAuditLog(PostgresDatabase database, TimeProvider time) : AuditLog(time)
{
    protected override async Task<long> InsertAsync(AuditEntry e, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@At, @Actor, @Action, @Target, @Detail) RETURNING id;
            """, new { At = e.At.ToUniversalTime(), e.Actor, e.Action, e.Target, e.Detail }, cancellationToken: cancellationToken));
    }

    protected override async Task<IReadOnlyList<AuditEntry>> SelectAsync(AuditQuery query, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Typed parameters: "@X IS NULL" alone gives PostgreSQL no type to infer.
        var parameters = new DynamicParameters();
        parameters.Add("Actor", query.Actor, System.Data.DbType.String);
        parameters.Add("Action", query.Action, System.Data.DbType.String);
        parameters.Add("Target", query.Target, System.Data.DbType.String);
        parameters.Add("From", query.From?.ToUniversalTime(), System.Data.DbType.DateTimeOffset);
        parameters.Add("To", query.To?.ToUniversalTime(), System.Data.DbType.DateTimeOffset);
        parameters.Add("Max", max);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id, at, actor, action, target, detail FROM audit_log " + Filter + ";", parameters, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }
}
