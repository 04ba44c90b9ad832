namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// The WeChat channel, bound from the <c>WeChat</c> section (secrets from the environment, e.g.
/// <c>WeChat__Apps__0__AppSecret</c>):
/// <code>
/// "WeChat": {
///   "Enabled": true,
///   "Apps": [ { "AppId": "wx…", "AppSecret": "…", "Token": "…", "EncodingAesKey": "…(43)", "Mode": "safe", "Kind": "miniProgram" } ]
/// }
/// </code>
/// </summary>
public sealed class WeChatOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "WeChat";

    /// <summary>Off by default: nothing is checked, mapped or started while false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The mini-programs and official accounts served.</summary>
    public List<WeChatAppOptions> Apps { get; set; } = [];

    /// <summary>Largest push body accepted; WeChat's own pushes are a few KB.</summary>
    public int MaxBodyBytes { get; set; } = 32 * 1024;

    /// <summary>A push whose timestamp is further than this from our clock is refused (a captured push replayed later).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Signed (timestamp, nonce) pairs of plain-mode pushes remembered at most (each for <see cref="MaxClockSkew"/>
    /// after its timestamp), so a signed URL cannot be reused with another body.
    /// </summary>
    public int MaxRememberedNonces { get; set; } = 100_000;

    /// <summary>How long a push id is remembered to drop WeChat's retries (it retries 3 times, 5 s apart).</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts to deliver one message through the customer-service API before giving up.</summary>
    public int SendAttempts { get; set; } = 4;

    /// <summary>First pause between attempts; doubled after each failure.</summary>
    public TimeSpan SendBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a node's sender owns an outbox row it claimed; a sender that died meanwhile loses it and another sends it.
    /// Longer than the worst delivery (all attempts and pauses).
    /// </summary>
    public TimeSpan OutboxClaimLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the sender looks for rows written by other nodes (its own node wakes it at once).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>An access token is renewed this long before it expires (at most half its lifetime).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>UTF-8 bytes of one text message; WeChat refuses longer ones with 45002.</summary>
    public int MaxTextBytes { get; set; } = 2048;

    /// <summary>A reply of 1–5 rates the last closed conversation for this long after it closed.</summary>
    public TimeSpan RatingWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Questions offered on entering the chat; each is shown as the bank entry it finds, skipped when none.</summary>
    public List<string> HotQuestions { get; set; } = ["身份证丢了怎么补办", "居住证怎么办理", "社保卡怎么申领", "公积金怎么提取"];

    /// <summary>The app with this id, or null.</summary>
    public WeChatAppOptions? Find(string appId) => Apps.FirstOrDefault(a => a.AppId == appId);
}

/// <summary>One mini-program or official account.</summary>
public sealed class WeChatAppOptions
{
    /// <summary>The app's id (wx…).</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's secret, for stable_token and jscode2session.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The Token entered in the push configuration (signs every push).</summary>
    public string Token { get; set; } = "";

    /// <summary>The 43-character EncodingAESKey; required for the compatible and safe modes.</summary>
    public string EncodingAesKey { get; set; } = "";

    /// <summary>消息加解密方式.</summary>
    public WeChatEncryptionMode Mode { get; set; } = WeChatEncryptionMode.Safe;

    /// <summary>Mini-program or official account.</summary>
    public WeChatAppKind Kind { get; set; } = WeChatAppKind.MiniProgram;

    /// <summary>Base of the WeChat server API (tests point it at a loopback fake).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";
}

/// <summary>消息加解密方式 of a push configuration.</summary>
public enum WeChatEncryptionMode
{
    /// <summary>明文模式: plain bodies, signed by <c>signature</c>.</summary>
    Plain,

    /// <summary>兼容模式: plain and encrypted side by side; either is accepted.</summary>
    Compatible,

    /// <summary>安全模式: encrypted bodies only, signed by <c>msg_signature</c>.</summary>
    Safe,
}

/// <summary>What kind of WeChat app it is.</summary>
public enum WeChatAppKind
{
    /// <summary>小程序 (customer-service messages, wx.login).</summary>
    MiniProgram,

    /// <summary>公众号 (XML pushes, custom messages).</summary>
    OfficialAccount,
}
