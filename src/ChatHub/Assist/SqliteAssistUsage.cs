using System.Globalization;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Assist;

/// <summary>Model usage in the service's SQLite file.</summary>
public sealed class SqliteAssistUsage(SqliteDatabase database, TimeProvider time, ILogger<SqliteAssistUsage> logger) : AssistUsage(time, logger)
{
    protected override async Task WriteAsync(IReadOnlyList<(DateTimeOffset At, AssistCall Call)> batch)
    {
        await using var connection = database.Open();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (at, c) in batch)
            await connection.ExecuteAsync(Insert, new
            {
                At = StoredTime.Text(at), Day = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Purpose, c.PromptVersion,
                c.Outcome, c.Milliseconds, c.PromptTokens, c.CompletionTokens, c.EntryIds,
            }, transaction);
        await transaction.CommitAsync();
    }

    protected override async Task<IEnumerable<DayRow>> SelectDailyAsync(DateOnly since, CancellationToken ct)
    {
        await using var connection = database.Open();
        return await connection.QueryAsync<DayRow>(new CommandDefinition("""
            SELECT day AS Day, COUNT(*) AS Calls, SUM(CASE WHEN outcome = 'ok' THEN 0 ELSE 1 END) AS Failures,
                   ROUND(AVG(ms), 1) AS AverageMs, ROUND(MAX(ms), 1) AS MaxMs,
                   SUM(prompt_tokens) AS PromptTokens, SUM(completion_tokens) AS CompletionTokens
            FROM assist_calls WHERE day >= @since GROUP BY day ORDER BY day;
            """, new { since = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, cancellationToken: ct));
    }
}
