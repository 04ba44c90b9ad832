using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// One cached access token per app, from the stable-token API. It is renewed a margin before it expires, never per
/// message; callers that need it at the same moment share one fetch; a failed fetch is not cached, so the next
/// caller tries again.
/// </summary>
public sealed class WeChatAccessTokens(WeChatApiClient api, TimeProvider time, IOptions<WeChatOptions> options, ILogger<WeChatAccessTokens> logger)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A valid token for <paramref name="app"/>.</summary>
    public Task<string> GetAsync(WeChatAppOptions app, CancellationToken ct = default) => Current(app).WaitAsync(ct);

    private Task<string> Current(WeChatAppOptions app)
    {
        lock (_entries)
        {
            var entry = _entries.TryGetValue(app.AppId, out var e) ? e : _entries[app.AppId] = new Entry();
            if (entry.Token is not null && time.GetUtcNow() < entry.RenewAt) return Task.FromResult(entry.Token);
            // A fetch under way is shared by everyone who asks meanwhile (and not tied to one caller's cancellation);
            // a finished one, failed or not, is never handed out again.
            if (entry.Pending is { IsCompleted: false } pending) return pending;
            return entry.Pending = FetchAsync(app, entry);
        }
    }

    /// <summary>Forgets <paramref name="token"/> after WeChat called it invalid (40001/42001), so the next call fetches anew.</summary>
    public void Invalidate(WeChatAppOptions app, string token)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(app.AppId, out var entry) && entry.Token == token) entry.Token = null;
        }
    }

    private async Task<string> FetchAsync(WeChatAppOptions app, Entry entry)
    {
        await Task.Yield(); // leave the caller's lock before the request
        try
        {
            var (token, lifetime) = await api.GetStableTokenAsync(app);
            var margin = TimeSpan.FromTicks(Math.Min(options.Value.TokenRefreshMargin.Ticks, lifetime.Ticks / 2));
            lock (_entries)
            {
                entry.Token = token;
                entry.RenewAt = time.GetUtcNow() + lifetime - margin;
            }
            logger.LogInformation("WeChat access token of {AppId} renewed, valid for {Lifetime}", app.AppId, lifetime);
            return token;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not fetch the WeChat access token of {AppId}", app.AppId);
            throw;
        }
    }

    private sealed class Entry
    {
        public string? Token { get; set; }

        public DateTimeOffset RenewAt { get; set; }

        public Task<string>? Pending { get; set; }
    }
}
