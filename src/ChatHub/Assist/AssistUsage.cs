using System.Threading.Channels;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Assist;

/// <summary>One call to the model, as accounted: what for, how it ended, how long it took and the tokens it cost.</summary>
/// <param name="Purpose">The prompt's name (handoff-summary, reply-draft …).</param>
/// <param name="PromptVersion">The prompt file's version.</param>
/// <param name="Outcome">ok, failed, timeout, open (circuit open), empty or garbage.</param>
/// <param name="Milliseconds">Wall time of the call.</param>
/// <param name="PromptTokens">Input tokens the server reported (0 when it did not).</param>
/// <param name="CompletionTokens">Output tokens the server reported.</param>
/// <param name="EntryIds">The bank entries the prompt rests on, comma-separated.</param>
public sealed record AssistCall(string Purpose, string PromptVersion, string Outcome, double Milliseconds, int PromptTokens, int CompletionTokens, string EntryIds);

/// <summary>Model usage of one day (UTC) for the dashboard.</summary>
public sealed record AssistDay(string Day, long Calls, long Failures, double AverageMs, double MaxMs, long PromptTokens, long CompletionTokens);

/// <summary>
/// Token accounting in the <c>assist_calls</c> table. Calls are queued and written by <see cref="AssistUsageWriter"/>
/// in the background (and before the figures are read), so a slow disk never delays an answer; a full queue drops
/// the oldest record rather than block.
/// </summary>
public sealed class AssistUsage
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<(DateTimeOffset At, AssistCall Call)> _queue =
        Channel.CreateBounded<(DateTimeOffset, AssistCall)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Uses the service database, creating the table if needed.</summary>
    public AssistUsage(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        using var connection = database.Open();
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS assist_calls (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, day TEXT NOT NULL, purpose TEXT NOT NULL,
                prompt_version TEXT NOT NULL, outcome TEXT NOT NULL, ms REAL NOT NULL,
                prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, entry_ids TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_assist_calls_day ON assist_calls (day);
            """);
    }

    /// <summary>Queues a call for writing; never blocks, never throws.</summary>
    public void Record(AssistCall call) => _queue.Writer.TryWrite((_time.GetUtcNow(), call));

    /// <summary>Waits until a call is queued.</summary>
    internal ValueTask<bool> WaitAsync(CancellationToken ct) => _queue.Reader.WaitToReadAsync(ct);

    /// <summary>
    /// Writes what is queued. The writer calls it in the background; reading the figures calls it first, so they
    /// include the calls just made (one gate, so a batch in flight is finished before anyone reads).
    /// </summary>
    internal async Task FlushAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var batch = new List<(DateTimeOffset, AssistCall)>();
            while (_queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
                if (batch.Count < 500) continue;
                await WriteAsync(batch);
                batch.Clear();
            }
            if (batch.Count > 0) await WriteAsync(batch);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteAsync(IReadOnlyList<(DateTimeOffset At, AssistCall Call)> batch)
    {
        await using var connection = _database.Open();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (at, c) in batch)
        {
            await connection.ExecuteAsync("""
                INSERT INTO assist_calls (at, day, purpose, prompt_version, outcome, ms, prompt_tokens, completion_tokens, entry_ids)
                VALUES (@At, @Day, @Purpose, @PromptVersion, @Outcome, @Milliseconds, @PromptTokens, @CompletionTokens, @EntryIds);
                """, new { At = at.ToString("O"), Day = at.ToString("yyyy-MM-dd"), c.Purpose, c.PromptVersion, c.Outcome, c.Milliseconds, c.PromptTokens, c.CompletionTokens, c.EntryIds }, transaction);
        }
        await transaction.CommitAsync();
    }

    /// <summary>Calls, failures, latency and tokens per day over the last <paramref name="days"/> days, oldest first.</summary>
    public async Task<IReadOnlyList<AssistDay>> DailyAsync(int days, CancellationToken ct = default)
    {
        await FlushAsync();
        var since = _time.GetUtcNow().AddDays(-(days - 1)).ToString("yyyy-MM-dd");
        await using var connection = _database.Open();
        var rows = await connection.QueryAsync<DayRow>(new CommandDefinition("""
            SELECT day AS Day, COUNT(*) AS Calls, SUM(CASE WHEN outcome = 'ok' THEN 0 ELSE 1 END) AS Failures,
                   ROUND(AVG(ms), 1) AS AverageMs, ROUND(MAX(ms), 1) AS MaxMs,
                   SUM(prompt_tokens) AS PromptTokens, SUM(completion_tokens) AS CompletionTokens
            FROM assist_calls WHERE day >= @since GROUP BY day ORDER BY day;
            """, new { since }, cancellationToken: ct));
        return rows.Select(r => new AssistDay(r.Day, r.Calls, r.Failures, r.AverageMs, r.MaxMs, r.PromptTokens, r.CompletionTokens)).ToList();
    }

    // Settable, so Dapper converts SQLite's loosely typed aggregates instead of matching a constructor exactly.
    private sealed class DayRow
    {
        public string Day { get; set; } = "";
        public long Calls { get; set; }
        public long Failures { get; set; }
        public double AverageMs { get; set; }
        public double MaxMs { get; set; }
        public long PromptTokens { get; set; }
        public long CompletionTokens { get; set; }
    }
}

/// <summary>Drains <see cref="AssistUsage"/>'s queue into the database, in batches.</summary>
internal sealed class AssistUsageWriter(AssistUsage usage, ILogger<AssistUsageWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await usage.WaitAsync(stoppingToken))
        {
            try
            {
                await usage.FlushAsync();
            }
            catch (Exception e)
            {
                // Accounting must never stop assistance; the figures of this batch are lost.
                logger.LogWarning(e, "Could not write model-usage records");
            }
        }
    }
}
