using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Limits;

/// <summary>
/// The token buckets of every client, one partitioned limiter per kind of call. ASP.NET Core's rate-limiting
/// middleware uses <see cref="Partition"/> for endpoints; hub calls and WeChat pushes (whose client is only known
/// once the push is read) ask <see cref="TryAcquire"/> directly.
/// </summary>
internal sealed class ClientRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _hubCalls;
    private readonly PartitionedRateLimiter<string> _staffHubCalls;
    private readonly PartitionedRateLimiter<string> _weChat;

    public ClientRateLimits(IOptions<ClientLimitsOptions> options)
    {
        _hubCalls = Create(options.Value.HubCalls);
        _staffHubCalls = Create(options.Value.StaffHubCalls);
        _weChat = Create(options.Value.WeChat);
    }

    /// <summary>A hub call by <paramref name="caller"/> (a staff account when <paramref name="staff"/>); false when its bucket is empty.</summary>
    public bool TryAcquireHubCall(string caller, bool staff) => TryAcquire(staff ? _staffHubCalls : _hubCalls, caller);

    /// <summary>A WeChat push from <paramref name="user"/>; false when its bucket is empty.</summary>
    public bool TryAcquireWeChat(string user) => TryAcquire(_weChat, user);

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
