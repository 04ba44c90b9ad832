using System.Collections.Concurrent;

namespace GovAssistant.ChatLoad;

/// <summary>Counters and round trips, written by many connections at once.</summary>
internal sealed class LoadStats
{
    private readonly List<double> _roundTripsMs = new(capacity: 1 << 16);
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentDictionary<string, int> _decisions = new();
    private long _sent, _answered, _escalations, _dropped;

    /// <summary>When false, answers are counted but not timed (warm-up).</summary>
    public volatile bool Recording;

    public long Sent => Interlocked.Read(ref _sent);
    public long Answered => Interlocked.Read(ref _answered);
    public long Escalations => Interlocked.Read(ref _escalations);
    public long Dropped => Interlocked.Read(ref _dropped);
    public IReadOnlyDictionary<string, int> Errors => _errors;
    public IReadOnlyDictionary<string, int> Decisions => _decisions;

    public void QuestionSent() => Interlocked.Increment(ref _sent);

    public void Answer(TimeSpan roundTrip, string? decision)
    {
        Interlocked.Increment(ref _answered);
        _decisions.AddOrUpdate(decision ?? "?", 1, (_, n) => n + 1);
        if (!Recording) return;
        lock (_roundTripsMs) _roundTripsMs.Add(roundTrip.TotalMilliseconds);
    }

    /// <summary>The bot handed the conversation over (queued, or offered a ticket because nobody is online).</summary>
    public void Escalated() => Interlocked.Increment(ref _escalations);

    /// <summary>An established connection closed during the run.</summary>
    public void ConnectionDropped() => Interlocked.Increment(ref _dropped);

    public void Error(string where, Exception e)
    {
        var message = e.Message.Length > 120 ? e.Message[..120] + "…" : e.Message;
        _errors.AddOrUpdate($"{where}: {e.GetType().Name}: {message}", 1, (_, n) => n + 1);
    }

    /// <summary>Resets what the measured phase reports (after warm-up).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _sent, 0);
        Interlocked.Exchange(ref _answered, 0);
        Interlocked.Exchange(ref _escalations, 0);
        _decisions.Clear();
        lock (_roundTripsMs) _roundTripsMs.Clear();
    }

    /// <summary>Round-trip percentiles in milliseconds (nearest rank), or null before any answer.</summary>
    public (double P50, double P90, double P99, double Max, double Mean, int Count)? Percentiles()
    {
        double[] sorted;
        lock (_roundTripsMs) sorted = [.. _roundTripsMs];
        if (sorted.Length == 0) return null;
        Array.Sort(sorted);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return (At(0.50), At(0.90), At(0.99), sorted[^1], sorted.Average(), sorted.Length);
    }
}
