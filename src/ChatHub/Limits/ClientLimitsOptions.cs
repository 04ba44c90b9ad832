namespace GovAssistant.ChatHub.Limits;

/// <summary>
/// Per-client rate limits, bound from the <c>RateLimits</c> section. Each rule is a token bucket: a client may make
/// <see cref="RateLimitRule.Burst"/> calls at once, then <see cref="RateLimitRule.PermitsPerMinute"/> a minute.
/// <code>
/// "RateLimits": {
///   "Ask":        { "PermitsPerMinute": 60, "Burst": 20 },   // POST /api/ask, per client address
///   "HubCalls":   { "PermitsPerMinute": 60, "Burst": 30 },   // every visitor hub method call, per visitor
///   "StaffHubCalls": { "PermitsPerMinute": 240, "Burst": 60 }, // every agent hub call, per staff account
///   "DirectLine": { "PermitsPerMinute": 60, "Burst": 20 },   // POST …/activities, per Direct Line conversation
///   "WeChat":     { "PermitsPerMinute": 30, "Burst": 10 }    // pushes, per WeChat user (app + openid)
/// }
/// </code>
/// </summary>
public sealed class ClientLimitsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "RateLimits";

    /// <summary><c>POST /api/ask</c>, per client address (each question is engine work and a question-log row).</summary>
    public RateLimitRule Ask { get; set; } = new() { PermitsPerMinute = 60, Burst = 20 };

    /// <summary>Visitor hub method calls (Send, Start, Typing, Rate …), per visitor.</summary>
    public RateLimitRule HubCalls { get; set; } = new() { PermitsPerMinute = 60, Burst = 30 };

    /// <summary>Agent hub method calls, per staff account: an agent serves several conversations at once.</summary>
    public RateLimitRule StaffHubCalls { get; set; } = new() { PermitsPerMinute = 240, Burst = 60 };

    /// <summary>Direct Line activities posted, per conversation.</summary>
    public RateLimitRule DirectLine { get; set; } = new() { PermitsPerMinute = 60, Burst = 20 };

    /// <summary>WeChat pushes, per app and WeChat user.</summary>
    public RateLimitRule WeChat { get; set; } = new() { PermitsPerMinute = 30, Burst = 10 };
}

/// <summary>One token bucket.</summary>
public sealed class RateLimitRule
{
    /// <summary>Calls a client may make per minute once its burst is spent.</summary>
    public int PermitsPerMinute { get; set; } = 60;

    /// <summary>Calls a client may make at once (the bucket's size).</summary>
    public int Burst { get; set; } = 20;
}
