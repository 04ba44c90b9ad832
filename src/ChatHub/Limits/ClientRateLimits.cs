using System.Threading.RateLimiting;
using GovAssistant.ChatHub.Cluster;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Limits;

/// <summary>
/// The token buckets of every client, one partitioned limiter per kind of call. ASP.NET Core's rate-limiting
/// middleware uses <see cref="Partition"/> for endpoints; hub calls and WeChat pushes (whose client is only known
/// once the push is read) ask <see cref="TryAcquire"/> directly. With Redis (several nodes), a call that this node's
/// bucket lets through must also find a token in the client's bucket shared by all nodes (<see cref="SharedAsync"/>),
/// so N nodes allow a client the configured rate, not N times it.
/// </summary>
internal sealed class ClientRateLimits : IDisposable
{
    private readonly ClusterMemory _cluster;
    private readonly ClientLimitsOptions _rules;
    private readonly PartitionedRateLimiter<string> _hubCalls;
    private readonly PartitionedRateLimiter<string> _staffHubCalls;
    private readonly PartitionedRateLimiter<string> _weChat;

    public ClientRateLimits(IOptions<ClientLimitsOptions> options, ClusterMemory cluster)
    {
        _cluster = cluster;
        _rules = options.Value;
        _hubCalls = Create(options.Value.HubCalls);
        _staffHubCalls = Create(options.Value.StaffHubCalls);
        _weChat = Create(options.Value.WeChat);
    }

    /// <summary>A hub call by <paramref name="caller"/> (a staff account when <paramref name="staff"/>); false when its bucket is empty.</summary>
    public ValueTask<bool> TryAcquireHubCallAsync(string caller, bool staff) =>
        TryAcquire(staff ? _staffHubCalls : _hubCalls, caller)
            ? SharedAsync((staff ? "staffhub:" : "hub:") + caller, staff ? _rules.StaffHubCalls : _rules.HubCalls)
            : ValueTask.FromResult(false);

    /// <summary>A WeChat push from <paramref name="user"/>; false when its bucket is empty.</summary>
    public ValueTask<bool> TryAcquireWeChatAsync(string user) =>
        TryAcquire(_weChat, user) ? SharedAsync("wechat:" + user, _rules.WeChat) : ValueTask.FromResult(false);

    /// <summary>
    /// A token from <paramref name="key"/>'s bucket shared by all nodes; true at once on a single node (no Redis) and
    /// while Redis is unreachable (this node's bucket still holds).
    /// </summary>
    public ValueTask<bool> SharedAsync(string key, RateLimitRule rule) =>
        _cluster.Enabled ? new(_cluster.TakeTokenAsync("rate:" + key, rule.Burst, rule.PermitsPerMinute)) : ValueTask.FromResult(true);

    /// <summary>The token bucket of <paramref name="key"/> under <paramref name="rule"/>.</summary>
    public static RateLimitPartition<string> Partition(string key, RateLimitRule rule) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => Bucket(rule));

    public void Dispose()
    {
        _hubCalls.Dispose();
        _staffHubCalls.Dispose();
        _weChat.Dispose();
    }

    private static bool TryAcquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Create(RateLimitRule rule) =>
        PartitionedRateLimiter.Create<string, string>(key => Partition(key, rule), StringComparer.Ordinal);

    // One token every 60 s / PermitsPerMinute; the partitioned limiter replenishes every bucket on its own timer.
    private static TokenBucketRateLimiterOptions Bucket(RateLimitRule rule) => new()
    {
        TokenLimit = Math.Max(1, rule.Burst),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, rule.PermitsPerMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
