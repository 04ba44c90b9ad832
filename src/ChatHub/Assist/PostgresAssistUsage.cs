using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Assist;

/// <summary>Model usage in PostgreSQL.</summary>
public sealed class PostgresAssistUsage(PostgresDatabase database, TimeProvider time, ILogger<PostgresAssistUsage> logger) : AssistUsage(time, logger)
{
    protected override async Task WriteAsync(IReadOnlyList<(DateTimeOffset At, AssistCall Call)> batch)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (at, c) in batch)
            await connection.ExecuteAsync(Insert, new
            {
                At = at.ToUniversalTime(), Day = DateOnly.FromDateTime(at.UtcDateTime), c.Purpose, c.PromptVersion,
                c.Outcome, c.Milliseconds, c.PromptTokens, c.CompletionTokens, c.EntryIds,
            }, transaction);
        await transaction.CommitAsync();
    }

    protected override async Task<IEnumerable<DayRow>> SelectDailyAsync(DateOnly since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // round(double precision, int) does not exist in PostgreSQL: through numeric.
        return await connection.QueryAsync<DayRow>(new CommandDefinition("""
            SELECT to_char(day, 'YYYY-MM-DD') AS Day, COUNT(*) AS Calls, SUM(CASE WHEN outcome = 'ok' THEN 0 ELSE 1 END) AS Failures,
                   round(AVG(ms)::numeric, 1)::float8 AS AverageMs, round(MAX(ms)::numeric, 1)::float8 AS MaxMs,
                   SUM(prompt_tokens)::bigint AS PromptTokens, SUM(completion_tokens)::bigint AS CompletionTokens
            FROM assist_calls WHERE day >= @since GROUP BY day ORDER BY day;
            """, new { since }, cancellationToken: ct));
    }
}
