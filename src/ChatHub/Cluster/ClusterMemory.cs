using StackExchange.Redis;

namespace GovAssistant.ChatHub.Cluster;

/// <summary>
/// Short-lived facts every node must agree on (a WeChat MsgId already taken, a signed nonce already used, login
/// failures, the queue reviewer's lease), kept in Redis when the cluster is on. Each caller keeps its own in-process
/// memory as well and asks this one on top, so a single node (<see cref="Enabled"/> false) behaves as before, and
/// a Redis outage degrades to per-node memory instead of refusing citizens: every method fails open and logs.
/// </summary>
public sealed class ClusterMemory(ILogger<ClusterMemory> logger, ClusterRedis? redis = null)
{
    // Renews the lease when this node holds it, takes it when nobody does.
    private const string LeaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        return 0
        """;

    // A token bucket every node draws from: refilled by Redis's own clock (no skew between nodes), one token taken
    // when there is one; the key expires once a full bucket would be back.
    private const string TokenScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local burst = tonumber(ARGV[1])
        local interval = tonumber(ARGV[2])
        local state = redis.call('HMGET', KEYS[1], 'n', 't')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then tokens = burst; at = now end
        local refill = math.floor((now - at) / interval)
        if refill > 0 then tokens = math.min(burst, tokens + refill); at = at + refill * interval end
        if tokens >= burst then at = now end
        local taken = 0
        if tokens >= 1 then tokens = tokens - 1; taken = 1 end
        redis.call('HSET', KEYS[1], 'n', tokens, 't', at)
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst * interval) + 1000)
        return taken
        """;

    private int _limitsLocal;

    /// <summary>True when the nodes share this memory through Redis.</summary>
    public bool Enabled => redis is not null;

    /// <summary>Claims <paramref name="key"/> for <paramref name="ttl"/>; false when another call (on any node) holds it.</summary>
    public async Task<bool> TryClaimAsync(string key, TimeSpan ttl)
    {
        if (redis is null) return true;
        try
        {
            return await redis.Database.StringSetAsync(redis.Key(key), redis.NodeId, ttl, When.NotExists);
        }
        catch (Exception e) when (Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; {Key} checked on this node only", key);
            return true;
        }
    }

    /// <summary>Gives back a claim (the work it guarded was not done).</summary>
    public async Task ReleaseAsync(string key)
    {
        if (redis is null) return;
        try
        {
            await redis.Database.KeyDeleteAsync(redis.Key(key));
        }
        catch (Exception e) when (Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; claim {Key} expires by itself", key);
        }
    }

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> unless a value is there, and returns the value that
    /// is there now (this one when first); null without Redis or when it is unreachable.
    /// </summary>
    public async Task<byte[]?> ClaimOrGetAsync(string key, byte[] value, TimeSpan ttl)
    {
        if (redis is null) return null;
        try
        {
            var k = redis.Key(key);
            if (await redis.Database.StringSetAsync(k, value, ttl, When.NotExists)) return value;
            return await redis.Database.StringGetAsync(k) is { HasValue: true } known ? (byte[])known! : value;
        }
        catch (Exception e) when (Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; {Key} checked on this node only", key);
            return null;
        }
    }

    /// <summary>
    /// Holds the lease <paramref name="name"/> for this node for <paramref name="ttl"/> (renewed while held): true when
    /// this node holds it. Without Redis, or while it is unreachable, every node acts alone and holds its own.
    /// </summary>
    public async Task<bool> HoldLeaseAsync(string name, TimeSpan ttl)
    {
        if (redis is null) return true;
        try
        {
            var held = await redis.Database.ScriptEvaluateAsync(LeaseScript, [redis.Key("lease:" + name)],
                [redis.NodeId, (long)ttl.TotalMilliseconds]);
            return (long)held == 1;
        }
        catch (Exception e) when (Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; lease {Name} taken by this node", name);
            return true;
        }
    }

    /// <summary>
    /// Takes a token from the bucket <paramref name="key"/> shared by all nodes (<paramref name="burst"/> tokens, one
    /// more every 60 s / <paramref name="permitsPerMinute"/>): false when it is empty. True without Redis or while it is
    /// unreachable — each node's own bucket still holds then.
    /// </summary>
    public async Task<bool> TakeTokenAsync(string key, int burst, int permitsPerMinute)
    {
        if (redis is null) return true;
        try
        {
            var interval = 60_000.0 / Math.Max(1, permitsPerMinute);
            var taken = await redis.Database.ScriptEvaluateAsync(TokenScript, [redis.Key(key)], [Math.Max(1, burst), interval]);
            Interlocked.Exchange(ref _limitsLocal, 0);
            return (long)taken == 1;
        }
        catch (Exception e) when (Unreachable(e))
        {
            // Once per outage: every request of every client passes here.
            if (Interlocked.Exchange(ref _limitsLocal, 1) == 0)
                logger.LogWarning(e, "Redis unreachable; rate limits are counted on this node only until it is back");
            return true;
        }
    }

    /// <summary>Counts one failure of <paramref name="key"/>; the count is forgotten <paramref name="window"/> after the last one.</summary>
    public async Task RecordFailureAsync(string key, DateTimeOffset now, TimeSpan window)
    {
        if (redis is null) return;
        try
        {
            var k = redis.Key(key);
            var batch = redis.Database.CreateTransaction();
            _ = batch.HashIncrementAsync(k, "f");
            _ = batch.HashSetAsync(k, "l", now.ToUnixTimeMilliseconds());
            _ = batch.KeyExpireAsync(k, window);
            await batch.ExecuteAsync();
        }
        catch (Exception e) when (Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; failure of {Key} counted on this node only", key);
        }
    }

    /// <summary>The failures counted for <paramref name="key"/> and the time of the last; null without Redis or when unreachable.</summary>
    public async Task<(int Failures, DateTimeOffset Last)?> FailuresAsync(string key)
    {
        if (redis is null) return null;
        try
        {
            var values = await redis.Database.HashGetAsync(redis.Key(key), ["f", "l"]);
            if (values[0].IsNull || values[1].IsNull) return (0, DateTimeOffset.MinValue);
            return ((int)values[0], DateTimeOffset.FromUnixTimeMilliseconds((long)values[1]));
        }
        catch (Exception e) when (Unreachable(e))
        {
            logger.LogWarning(e, "Redis unreachable; failures of {Key} read on this node only", key);
            return null;
        }
    }

    /// <summary>Forgets <paramref name="key"/> (a successful login clears its pair's failures).</summary>
    public Task ForgetAsync(string key) => ReleaseAsync(key);

    /// <summary>True for the errors of an unreachable or slow Redis (timeouts do not derive from RedisException).</summary>
    public static bool Unreachable(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;
}
