namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 channel, bound from the <c>DirectLine</c> section. The secrets are the sites' master keys: set
/// them from the environment (<c>DirectLine__Secrets__0=…</c>), never in a committed file. With no secret the
/// endpoints exist but refuse every caller.
/// <code>"DirectLine": { "TokenLifetime": "00:30:00", "StreamUrlLifetime": "00:02:00", "MaxActivitiesPerSet": 100, "AllowedOrigins": ["*"] }</code>
/// </summary>
public sealed class DirectLineOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>Shortest secret accepted at start-up.</summary>
    public const int MinSecretLength = 16;

    /// <summary>Direct Line secrets: each exchanges for tokens and may act in any Direct Line conversation.</summary>
    public string[] Secrets { get; set; } = [];

    /// <summary>How long a token is valid; clients refresh it before then (Web Chat does every 15 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a <c>streamUrl</c> may be used to open its WebSocket.</summary>
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most activities in one ActivitySet; a client pages with the watermark it gets back.</summary>
    public int MaxActivitiesPerSet { get; set; } = 100;

    /// <summary>An empty WebSocket message is sent this often so proxies keep an idle stream open.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Origins (scheme://host[:port]) of the sites allowed to call from a browser; "*" for any.</summary>
    public string[] AllowedOrigins { get; set; } = ["*"];
}
