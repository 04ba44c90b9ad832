using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Locks an account id after too many failed logins in a short window (5 in 5 minutes, for 5 minutes by default),
/// so a password cannot be guessed online. Counts unknown ids too, so the answer never tells which ids exist.
/// </summary>
/// <remarks>REVIEW: in-process; with several instances each keeps its own count (move next to the SignalR backplane).</remarks>
internal sealed class LoginThrottle(IOptions<AgentAccountOptions> options, TimeProvider time)
{
    // Above this many tracked ids, stale entries are swept, so a spray of made-up ids cannot grow memory for ever.
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="id"/> stays locked, or null when it may try to log in.</summary>
    public TimeSpan? RetryAfter(string id)
    {
        if (!_entries.TryGetValue(Key(id), out var entry)) return null;
        lock (entry)
        {
            var left = entry.LockedUntil - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    /// <summary>Records a failed login; the one that reaches the limit locks the id.</summary>
    public void Failed(string id)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (_entries.Count > SweepThreshold) Sweep(now);
        var entry = _entries.GetOrAdd(Key(id), _ => new Entry());
        lock (entry)
        {
            while (entry.Failures.TryPeek(out var oldest) && now - oldest >= o.FailureWindow) entry.Failures.Dequeue();
            entry.Failures.Enqueue(now);
            if (entry.Failures.Count < o.MaxFailedLogins) return;
            entry.LockedUntil = now + o.LockoutDuration;
            entry.Failures.Clear();
        }
    }

    /// <summary>Forgets the failures of <paramref name="id"/> after a successful login.</summary>
    public void Succeeded(string id) => _entries.TryRemove(Key(id), out _);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                var stale = entry.LockedUntil <= now && entry.Failures.All(f => now - f >= options.Value.FailureWindow);
                if (stale) _entries.TryRemove(key, out _);
            }
        }
    }

    // Ids are at most 32 characters; longer input is cut so it cannot be used to store large keys.
    private static string Key(string id) => id.Length <= 64 ? id : id[..64];

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();
        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
