using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>
/// The real host with the WeChat channel enabled, pointed at a <see cref="FakeWeChatServer"/> on loopback. Three
/// apps: a mini-program in safe mode (the official sample's AppId and key), an official account in plain mode
/// (XML), and a mini-program in compatible mode.
/// </summary>
public sealed class WeChatHost : IAsyncDisposable
{
    public const string MiniAppId = "wxb11529c136998cb6";
    public const string AccountAppId = "wx5c0ffee0a11ce0a1";
    public const string CompatibleAppId = "wx7e57c0mpa71b1e00";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string PushToken = "GovAssistantPushToken2024";

    private WeChatHost(FakeWeChatServer wechat, ConversationHost chat)
    {
        WeChat = wechat;
        Chat = chat;
    }

    public FakeWeChatServer WeChat { get; }

    public ConversationHost Chat { get; }

    /// <summary>Pushes to the safe-mode mini-program.</summary>
    public WeChatPusher Mini => new(Chat.Address, MiniAppId, PushToken, AesKey, encrypt: true);

    /// <summary>Pushes to the plain-mode official account.</summary>
    public WeChatPusher Account => new(Chat.Address, AccountAppId, PushToken, AesKey, encrypt: false);

    /// <summary>Pushes to the compatible-mode mini-program, encrypted or not.</summary>
    public WeChatPusher Compatible(bool encrypt) => new(Chat.Address, CompatibleAppId, PushToken, AesKey, encrypt);

    public static async Task<WeChatHost> StartAsync(Dictionary<string, string>? extra = null, TimeProvider? clock = null)
    {
        var wechat = await new FakeWeChatServer((MiniAppId, "mini-secret-for-tests"), (AccountAppId, "account-secret-for-tests"),
            (CompatibleAppId, "compatible-secret-for-tests")).StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["WeChat:Enabled"] = "true",
            ["WeChat:SendBackoff"] = "00:00:00.020",
        };
        App(settings, 0, MiniAppId, "mini-secret-for-tests", "safe", "miniProgram", wechat.Address);
        App(settings, 1, AccountAppId, "account-secret-for-tests", "plain", "officialAccount", wechat.Address);
        App(settings, 2, CompatibleAppId, "compatible-secret-for-tests", "compatible", "miniProgram", wechat.Address);
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return new WeChatHost(wechat, new ConversationHost(settings: settings, clock: clock).Start());
    }

    private static void App(Dictionary<string, string> settings, int i, string appId, string secret, string mode, string kind, Uri api)
    {
        var key = $"WeChat:Apps:{i}:";
        settings[key + "AppId"] = appId;
        settings[key + "AppSecret"] = secret;
        settings[key + "Token"] = PushToken;
        settings[key + "EncodingAesKey"] = AesKey;
        settings[key + "Mode"] = mode;
        settings[key + "Kind"] = kind;
        settings[key + "ApiBaseUrl"] = api.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Chat.DisposeAsync();
        await WeChat.DisposeAsync();
    }
}
