using GovAssistant.ChatHub.Storage;
using GovAssistant.ChatHub.Conversations;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>Registers the WeChat channel (docs/wechat.md); nothing but its options while it is disabled.</summary>
internal static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// Configuration (secrets from the environment):
    /// <code>"WeChat": { "Enabled": true, "Apps": [ { "AppId": "wx…", "AppSecret": "…", "Token": "…", "EncodingAesKey": "…", "Mode": "safe", "Kind": "miniProgram" } ] }</code>
    /// </summary>
    public static IHostApplicationBuilder AddWeChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidation>();
        if (!builder.Configuration.GetValue<bool>($"{WeChatOptions.SectionName}:{nameof(WeChatOptions.Enabled)}")) return builder;

        builder.Services.AddSingleton(_ => new WeChatApiClient(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        }));
        builder.Services.AddSingleton<WeChatAccessTokens>();
        builder.Services.AddSingleton<WeChatNonces>();
        builder.Services.AddStore<WeChatUsers, SqliteWeChatUsers, PostgresWeChatUsers>();
        builder.Services.AddSingleton<WeChatInbox>();
        builder.Services.AddSingleton<WeChatOutbox>();
        builder.Services.AddSingleton<WeChatSender>();
        builder.Services.AddSingleton<WeChatDialog>();
        builder.Services.AddSingleton<IConversationObserver, WeChatForwarder>();
        builder.Services.AddHostedService<WeChatInboxWorker>();
        builder.Services.AddHostedService<WeChatOutboxWorker>();
        return builder;
    }
}
