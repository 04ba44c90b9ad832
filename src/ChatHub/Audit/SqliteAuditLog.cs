using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Audit;

/// <summary>The audit log in the service's SQLite file (times as ISO-8601 text).</summary>
public sealed class SqliteAuditLog(SqliteDatabase database, TimeProvider time) : AuditLog(time)
{
    protected override async Task<long> InsertAsync(AuditEntry e, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@At, @Actor, @Action, @Target, @Detail) RETURNING id;
            """, new { At = StoredTime.Text(e.At), e.Actor, e.Action, e.Target, e.Detail }, cancellationToken: cancellationToken));
    }

    protected override async Task<IReadOnlyList<AuditEntry>> SelectAsync(AuditQuery query, int max, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT id, at, actor, action, target, detail FROM audit_log " + Filter + ";",
            new { query.Actor, query.Action, query.Target, From = StoredTime.Text(query.From), To = StoredTime.Text(query.To), Max = max },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }
}
