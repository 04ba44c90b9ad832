using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Remembers the (timestamp, nonce) of every plain-signed push while its timestamp is inside
/// <see cref="WeChatOptions.MaxClockSkew"/>. In 明文/兼容 mode the signature covers only token, timestamp and nonce, not
/// the body: without this, one signed URL seen on the wire would carry any number of forged pushes. WeChat's own
/// retries repeat the URL with the same body, so a repeat with the same body passes (the inbox drops it by MsgId);
/// a repeat with another body is a forgery. With several nodes the pair is also recorded in the cluster's memory, so
/// the forged copy cannot be sent to another node than the one that saw the original.
/// </summary>
internal sealed class WeChatNonces(IOptions<WeChatOptions> options, TimeProvider time, Cluster.ClusterMemory? cluster = null)
{
    private readonly ConcurrentDictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    /// <summary>What a signed (timestamp, nonce) pair is.</summary>
    public enum Verdict
    {
        /// <summary>First use, or WeChat's retry of the same body.</summary>
        Fresh,

        /// <summary>Used before with another body: refuse.</summary>
        Reused,

        /// <summary>Too many pairs remembered to take another (only a flood of validly signed pushes gets here).</summary>
        Full,
    }

    /// <summary>As <see cref="Check"/>, on this node and then (with Redis) across the cluster.</summary>
    public async Task<Verdict> CheckAsync(string appId, long timestamp, string nonce, string body)
    {
        var local = Check(appId, timestamp, nonce, body);
        if (local != Verdict.Fresh || cluster is not { Enabled: true }) return local;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(body));
        var left = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253402300799)) + options.Value.MaxClockSkew - time.GetUtcNow();
        var known = await cluster.ClaimOrGetAsync($"wechat:nonce:{appId}|{timestamp}|{nonce}", hash, left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1));
        return known is null || CryptographicOperations.FixedTimeEquals(known, hash) ? Verdict.Fresh : Verdict.Reused;
    }

    /// <summary>Records the pair for <paramref name="appId"/> on this node and tells whether <paramref name="body"/> may use it.</summary>
    public Verdict Check(string appId, long timestamp, string nonce, string body)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (_seen.Count >= o.MaxRememberedNonces) Sweep(now);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(body));
        var key = string.Concat(appId, "\n", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), "\n", nonce);
        if (_seen.TryGetValue(key, out var known)) return Same(known, hash);
        if (_seen.Count >= o.MaxRememberedNonces) return Verdict.Full;
        // After timestamp + skew the timestamp check refuses the pair anyway, so it need not be remembered longer.
        var expires = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253402300799)) + o.MaxClockSkew;
        return Same(_seen.GetOrAdd(key, new Seen(hash, expires)), hash);
    }

    private static Verdict Same(Seen known, byte[] hash) =>
        CryptographicOperations.FixedTimeEquals(known.BodyHash, hash) ? Verdict.Fresh : Verdict.Reused;

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, seen) in _seen)
            if (seen.Expires <= now) _seen.TryRemove(key, out _);
    }

    private sealed record Seen(byte[] BodyHash, DateTimeOffset Expires);
}
