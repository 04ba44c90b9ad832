using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// Sends one text through the customer-service API with the app's cached token. Temporary failures (network,
/// HTTP 5xx, errcode -1, a token WeChat no longer accepts) are retried with doubling pauses; refusals that a retry
/// cannot fix (45015 outside the 48-hour window, 45047 quota, 40003 unknown openid …) end at once.
/// </summary>
public sealed class WeChatSender(
    WeChatApiClient api, WeChatAccessTokens tokens, IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatSender> logger)
{
    /// <summary>Delivers <paramref name="text"/>; returns null when delivered, else why not (in Chinese, for agents).</summary>
    public async Task<string?> SendAsync(WeChatAppOptions app, string openId, string text, CancellationToken ct = default)
    {
        var pause = options.Value.SendBackoff;
        var attempts = Math.Max(1, options.Value.SendAttempts);
        var reason = "";
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                var token = await tokens.GetAsync(app, ct);
                // A request under way is not abandoned when the node stops: WeChat may already have the message, and
                // the outbox could then neither mark it sent nor know to leave it (a restart would send it again).
                var (code, message) = await api.SendTextAsync(app, token, openId, text, CancellationToken.None);
                if (code == 0) return null;
                reason = ReasonOf(code, message);
                if (code is 40001 or 40014 or 42001) tokens.Invalidate(app, token);
                else if (code != -1)
                {
                    logger.LogWarning("WeChat refused a message to a user of {AppId}: {Code} {Message}", app.AppId, code, message);
                    return reason;
                }
            }
            catch (Exception e) when (e is HttpRequestException or WeChatApiException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                reason = e is WeChatApiException w ? $"无法获取微信接口凭证（{w.ErrCode}）" : "微信接口暂时无法访问";
            }
            logger.LogWarning("Sending to a WeChat user of {AppId} failed (attempt {Attempt} of {Attempts}): {Reason}", app.AppId, attempt, attempts, reason);
            if (attempt < attempts)
            {
                await Task.Delay(pause, time, ct);
                pause *= 2;
            }
        }
        return reason;
    }

    private static string ReasonOf(int code, string? message) => code switch
    {
        45015 => "用户超过 48 小时未发消息，微信不允许再发送客服消息（45015）",
        45047 => "本次可发送的客服消息条数已用完（45047）",
        45002 => "消息内容超过微信的长度限制（45002）",
        40003 => "用户的 openid 无效（40003）",
        48001 => "该应用没有客服消息接口权限（48001）",
        -1 => "微信系统繁忙（-1）",
        40001 or 40014 or 42001 => $"接口凭证失效（{code}）",
        _ => $"微信接口错误 {code}：{message}",
    };
}
