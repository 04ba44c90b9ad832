using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Checks the <c>WeChat</c> section at start-up, only when the channel is enabled: every app needs its id, secret
/// and token, and an EncodingAESKey of 43 characters unless it runs in plain mode. Each problem is named in Chinese
/// with the configuration key to set.
/// </summary>
public sealed class WeChatOptionsValidation : IValidateOptions<WeChatOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (options.Apps.Count == 0) problems.Add("WeChat:Enabled 为 true，但没有配置任何应用（WeChat:Apps）");
        for (var i = 0; i < options.Apps.Count; i++)
        {
            var app = options.Apps[i];
            var key = $"WeChat:Apps:{i}";
            if (string.IsNullOrWhiteSpace(app.AppId)) problems.Add($"缺少 {key}:AppId");
            if (string.IsNullOrWhiteSpace(app.AppSecret)) problems.Add($"缺少 {key}:AppSecret（请用环境变量 WeChat__Apps__{i}__AppSecret 提供）");
            if (string.IsNullOrWhiteSpace(app.Token)) problems.Add($"缺少 {key}:Token（消息推送配置中的令牌）");
            if (app.Mode != WeChatEncryptionMode.Plain && !WeChatMessageCrypt.IsValidKey(app.EncodingAesKey))
                problems.Add($"{key}:EncodingAesKey 应为 43 个字母或数字（兼容模式和安全模式必需）");
            if (!Uri.TryCreate(app.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                problems.Add($"{key}:ApiBaseUrl 不是有效的 http(s) 地址");
            if (options.Apps.Take(i).Any(a => a.AppId == app.AppId)) problems.Add($"{key}:AppId 与前面的应用重复");
        }
        if (options.MaxBodyBytes < 1024) problems.Add("WeChat:MaxBodyBytes 至少为 1024");
        if (options.SendAttempts < 1) problems.Add("WeChat:SendAttempts 至少为 1");
        if (options.MaxTextBytes < 64) problems.Add("WeChat:MaxTextBytes 至少为 64");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail("微信渠道配置有误：" + string.Join("；", problems));
    }
}
