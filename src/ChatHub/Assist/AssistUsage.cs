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
/// Token accounting in the <c>assist_calls</c> table (<see cref="SqliteAssistUsage"/> or <see cref="PostgresAssistUsage"/>).
/// Calls are queued and written in the background by a <see cref="WriteQueue{T}"/> (and flushed before the figures are
/// read), so a slow disk never delays an answer; a full queue drops the oldest record rather than block.
/// </summary>
public abstract class AssistUsage : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly WriteQueue<(DateTimeOffset At, AssistCall Call)> _queue;

    /// <summary>Starts the background writer.</summary>
    protected AssistUsage(TimeProvider time, ILogger logger)
    {
        _time = time;
        _queue = new WriteQueue<(DateTimeOffset, AssistCall)>(10_000, 500, WriteAsync, logger);
    }

    /// <summary>Queues a call for writing; never blocks, never throws.</summary>
    public void Record(AssistCall call) => _queue.Enqueue((_time.GetUtcNow(), call));

    /// <summary>Completes once every call recorded before it is written.</summary>
    public Task FlushAsync(CancellationToken ct = default) => _queue.FlushAsync(ct);

    /// <summary>Calls, failures, latency and tokens per day over the last <paramref name="days"/> days, oldest first.</summary>
    public async Task<IReadOnlyList<AssistDay>> DailyAsync(int days, CancellationToken ct = default)
    {
        await FlushAsync(ct);
        var since = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime.AddDays(-(days - 1)));
        return (await SelectDailyAsync(since, ct)).Select(r => new AssistDay(r.Day, r.Calls, r.Failures, r.AverageMs, r.MaxMs, r.PromptTokens, r.CompletionTokens)).ToList();
    }

    /// <summary>Writes what is queued and stops the writer (the host's graceful stop).</summary>
    public async ValueTask DisposeAsync()
    {
        await _queue.CloseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes a batch of calls in one transaction.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<(DateTimeOffset At, AssistCall Call)> batch);

    /// <summary>Figures per UTC day since <paramref name="since"/>, oldest first.</summary>
    protected abstract Task<IEnumerable<DayRow>> SelectDailyAsync(DateOnly since, CancellationToken ct);

    /// <summary>The insert both providers run.</summary>
    protected const string Insert = """
        INSERT INTO assist_calls (at, day, purpose, prompt_version, outcome, ms, prompt_tokens, completion_tokens, entry_ids)
        VALUES (@At, @Day, @Purpose, @PromptVersion, @Outcome, @Milliseconds, @PromptTokens, @CompletionTokens, @EntryIds);
        """;

    /// <summary>Settable, so Dapper converts each provider's loosely typed aggregates instead of matching a constructor exactly.</summary>
    protected sealed class DayRow
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
