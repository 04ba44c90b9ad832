using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Slows password guessing with delays that double after each failure, counted three ways: one account from one
/// address (delays after <see cref="AgentAccountOptions.MaxFailedLogins"/>), one address over all accounts (a spray
/// of usernames), and one account over all addresses (a distributed guess). The account-wide delay is capped short
/// (<see cref="AgentAccountOptions.MaxAccountLoginDelay"/>): an attacker can slow the admin's sign-in, never lock it,
/// while the admin's own address keeps a clean record of its own. Unknown ids count too, so answers never tell
/// which ids exist.
/// </summary>
/// <remarks>
/// With several nodes the counts live in the cluster's memory (Redis), so a guesser gains nothing by spreading tries
/// over nodes; the async methods use it, and fall back to this node's own counts while Redis is unreachable.
/// </remarks>
internal sealed class LoginThrottle(IOptions<AgentAccountOptions> options, TimeProvider time, Cluster.ClusterMemory? cluster = null)
{
    // Above this many tracked keys, quiet ones are swept, so a spray of made-up ids cannot grow memory for ever.
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How long a login of <paramref name="id"/> from <paramref name="address"/> must wait, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string id, string address)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var wait = new[]
        {
            Left(PairKey(id, address), o.MaxFailedLogins, o.MaxLoginDelay, now),
            Left(AddressKey(address), o.FailedLoginsPerAddress, o.MaxLoginDelay, now),
            Left(AccountKey(id), o.FailedLoginsPerAccount, o.MaxAccountLoginDelay, now),
        }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>As <see cref="RetryAfter"/>, counting the failures seen by every node.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string id, string address)
    {
        if (cluster is not { Enabled: true }) return RetryAfter(id, address);
        var o = options.Value;
        var now = time.GetUtcNow();
        var rules = new[]
        {
            (Key: PairKey(id, address), Free: o.MaxFailedLogins, Cap: o.MaxLoginDelay),
            (Key: AddressKey(address), Free: o.FailedLoginsPerAddress, Cap: o.MaxLoginDelay),
            (Key: AccountKey(id), Free: o.FailedLoginsPerAccount, Cap: o.MaxAccountLoginDelay),
        };
        var wait = TimeSpan.Zero;
        foreach (var (key, free, cap) in rules)
        {
            if (await cluster.FailuresAsync(Shared(key)) is not { } shared) return RetryAfter(id, address);
            var left = Delay(shared.Failures, shared.Last, free, cap, now);
            if (left > wait) wait = left;
        }
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>As <see cref="Failed"/>, on this node and in the cluster's memory.</summary>
    public async Task FailedAsync(string id, string address)
    {
        Failed(id, address);
        if (cluster is not { Enabled: true }) return;
        foreach (var key in new[] { PairKey(id, address), AddressKey(address), AccountKey(id) })
            await cluster.RecordFailureAsync(Shared(key), time.GetUtcNow(), options.Value.FailureWindow);
    }

    /// <summary>As <see cref="Succeeded"/>, on this node and in the cluster's memory.</summary>
    public async Task SucceededAsync(string id, string address)
    {
        Succeeded(id, address);
        if (cluster is { Enabled: true }) await cluster.ForgetAsync(Shared(PairKey(id, address)));
    }

    /// <summary>Records a failed login of <paramref name="id"/> from <paramref name="address"/>.</summary>
    public void Failed(string id, string address)
    {
        var now = time.GetUtcNow();
        if (_entries.Count > SweepThreshold) Sweep(now);
        foreach (var key in new[] { PairKey(id, address), AddressKey(address), AccountKey(id) })
        {
            var entry = _entries.GetOrAdd(key, _ => new Entry());
            lock (entry)
            {
                if (now - entry.Last >= options.Value.FailureWindow) entry.Failures = 0;
                entry.Failures++;
                entry.Last = now;
            }
        }
    }

    /// <summary>Forgets the failures of <paramref name="id"/> from <paramref name="address"/> after a successful login.</summary>
    /// <remarks>Not the address's or the account's: a guesser who knows one password must not wipe its own record.</remarks>
    public void Succeeded(string id, string address) => _entries.TryRemove(PairKey(id, address), out _);

    // The delay after the free failures: FirstLoginDelay, doubled per further failure, at most the cap.
    private TimeSpan Left(string key, int free, TimeSpan cap, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry)) return TimeSpan.Zero;
        lock (entry) return Delay(entry.Failures, entry.Last, free, cap, now);
    }

    private TimeSpan Delay(int failures, DateTimeOffset last, int free, TimeSpan cap, DateTimeOffset now)
    {
        if (failures < free || now - last >= options.Value.FailureWindow) return TimeSpan.Zero;
        var doublings = Math.Min(failures - free, 30);
        var delay = TimeSpan.FromTicks((long)Math.Min(cap.Ticks, options.Value.FirstLoginDelay.Ticks * Math.Pow(2, doublings)));
        var left = last + delay - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    // Redis keys: the address and id may hold any character, so they are hashed (fixed length, nothing to escape).
    private static string Shared(string key) =>
        "login:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (now - entry.Last >= options.Value.FailureWindow) _entries.TryRemove(key, out _);
            }
        }
    }

    // Ids are at most 32 characters; longer input is cut so it cannot be used to store large keys.
    private static string Id(string id) => id.Length <= 64 ? id : id[..64];

    private static string PairKey(string id, string address) => $"pair\n{Id(id)}\n{address}";

    private static string AddressKey(string address) => "addr\n" + address;

    private static string AccountKey(string id) => "acct\n" + Id(id);

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset Last { get; set; } = DateTimeOffset.MinValue;
    }
}
