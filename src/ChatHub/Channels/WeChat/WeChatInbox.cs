using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>A verified push waiting to be handled.</summary>
public sealed record WeChatInbound(WeChatAppOptions App, WeChatPush Push);

/// <summary>What became of a push handed to the <see cref="WeChatInbox"/>.</summary>
public enum InboxResult
{
    /// <summary>Queued for handling.</summary>
    Queued,

    /// <summary>Seen before (WeChat's retry): acknowledged, not handled again.</summary>
    Duplicate,

    /// <summary>The queue is full: not acknowledged, so WeChat retries later.</summary>
    Full,
}

/// <summary>
/// Verified pushes between the endpoint, which acknowledges at once, and <see cref="WeChatInboxWorker"/>, which
/// handles them. WeChat retries a push it got no answer to within 5 s, up to 3 times: each push is queued once
/// per <see cref="WeChatOptions.DeduplicationWindow"/>, keyed by MsgId (events by user and creation time). With several
/// nodes a retry may reach another node than the first push: the key is claimed in the cluster's memory as well.
/// </summary>
public sealed class WeChatInbox(IOptions<WeChatOptions> options, TimeProvider time, Cluster.ClusterMemory? cluster = null)
{
    private readonly Channel<WeChatInbound> _queue = Channel.CreateBounded<WeChatInbound>(new BoundedChannelOptions(10_000) { SingleReader = true });
    // REVIEW: in memory, like the queue: a retry arriving across a restart is handled again (WeChat retries span 15 s).
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep;

    /// <summary>The pushes to handle, in arrival order.</summary>
    public ChannelReader<WeChatInbound> Reader => _queue.Reader;

    /// <summary>Queues <paramref name="inbound"/> unless it was seen before, on this node or (with Redis) any other.</summary>
    public async Task<InboxResult> AcceptAsync(WeChatInbound inbound)
    {
        var claim = "wechat:msg:" + inbound.App.AppId + "|" + inbound.Push.DeduplicationKey;
        if (cluster is { Enabled: true } && !await cluster.TryClaimAsync(claim, options.Value.DeduplicationWindow)) return InboxResult.Duplicate;
        var result = Accept(inbound);
        // Not queued: WeChat retries, and the retry must not find the key taken.
        if (result == InboxResult.Full && cluster is { Enabled: true }) await cluster.ReleaseAsync(claim);
        return result;
    }

    /// <summary>Queues <paramref name="inbound"/> unless this node saw it before.</summary>
    public InboxResult Accept(WeChatInbound inbound)
    {
        var key = inbound.App.AppId + "|" + inbound.Push.DeduplicationKey;
        var now = time.GetUtcNow();
        lock (_seen)
        {
            Sweep(now);
            if (_seen.TryGetValue(key, out var until) && until > now) return InboxResult.Duplicate;
            if (!_queue.Writer.TryWrite(inbound)) return InboxResult.Full;
            _seen[key] = now + options.Value.DeduplicationWindow;
            return InboxResult.Queued;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep) return;
        foreach (var (key, until) in _seen.ToList()) if (until <= now) _seen.Remove(key);
        _nextSweep = now + TimeSpan.FromMinutes(1);
    }
}
