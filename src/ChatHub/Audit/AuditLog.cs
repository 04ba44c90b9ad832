using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Audit;

/// <summary>
/// Append-only record of administrative actions (bank edits and publishes, account changes, reveals of personal
/// data) in the <c>audit_log</c> table of the service's SQLite file.
/// </summary>
public sealed class AuditLog
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Uses the service database <paramref name="database"/>, creating the table if needed.</summary>
    public AuditLog(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        using var connection = _database.Open();
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                target TEXT, detail TEXT);
            CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
            """);
    }

    /// <summary>Records an action by <paramref name="actor"/>.</summary>
    public async Task<AuditEntry> RecordAsync(string actor, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var at = _time.GetUtcNow();
        await using var connection = _database.Open();
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@At, @Actor, @Action, @Target, @Detail);
            SELECT last_insert_rowid();
            """, new { At = at.ToString("O"), Actor = actor, Action = action, Target = target, Detail = detail }, cancellationToken: cancellationToken));
        return new AuditEntry(id, at, actor, action, target, detail);
    }

    /// <summary>Entries matching <paramref name="query"/>, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.Open();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, at, actor, action, target, detail FROM audit_log
            WHERE (@Actor IS NULL OR actor = @Actor) AND (@Action IS NULL OR action = @Action)
              AND (@Target IS NULL OR target = @Target)
              AND (@From IS NULL OR at >= @From) AND (@To IS NULL OR at < @To)
            ORDER BY id DESC LIMIT @Max;
            """, new
        {
            query.Actor, query.Action, query.Target,
            From = query.From?.ToUniversalTime().ToString("O"), To = query.To?.ToUniversalTime().ToString("O"),
            Max = Math.Clamp(query.Max, 1, 100_000),
        }, cancellationToken: cancellationToken));
        return rows.Select(r => new AuditEntry(r.Id, DateTimeOffset.Parse(r.At, System.Globalization.CultureInfo.InvariantCulture), r.Actor, r.Action, r.Target, r.Detail)).ToList();
    }


    private sealed record Row(long Id, string At, string Actor, string Action, string? Target, string? Detail);
}
