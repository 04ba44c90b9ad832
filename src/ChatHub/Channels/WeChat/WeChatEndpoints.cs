using System.Text;
using GovAssistant.ChatHub.Api;
using GovAssistant.ChatHub.Limits;
using GovAssistant.ChatHub.Visitors;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// <c>GET /wechat/{appId}</c> (server verification), <c>POST /wechat/{appId}</c> (message push) and
/// <c>POST /api/wechat/{appId}/login</c> (mini-program login). See docs/wechat.md.
/// </summary>
internal static class WeChatEndpoints
{
    public static IEndpointRouteBuilder MapWeChat(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<WeChatOptions>>().Value.Enabled) return app;
        app.MapGet("/wechat/{appId}", Verify);
        app.MapPost("/wechat/{appId}", PushAsync);
        app.MapPost("/api/wechat/{appId}/login", LoginAsync).RequireRateLimiting(VisitorsServiceCollectionExtensions.IssueRateLimit);
        return app;
    }

    /// <summary>WeChat checks the URL: echo <c>echostr</c> when the signature is ours.</summary>
    private static IResult Verify(string appId, HttpRequest request, IOptions<WeChatOptions> options, TimeProvider time)
    {
        if (options.Value.Find(appId) is not { } wechat) return Problems.NotFound("未配置该微信应用。");
        var q = request.Query;
        if (CheckSignature(wechat, q["signature"], q["timestamp"], q["nonce"], options.Value, time) is { } refusal) return refusal;
        var echo = q["echostr"].ToString();
        return string.IsNullOrEmpty(echo) || echo.Length > 256 ? Problems.BadRequest("缺少 echostr 参数。") : Results.Text(echo, "text/plain");
    }

    /// <summary>A user's message or event: verify, decrypt, de-duplicate, queue, acknowledge with <c>success</c>.</summary>
    private static async Task<IResult> PushAsync(
        string appId, HttpRequest request, IOptions<WeChatOptions> options, WeChatInbox inbox, WeChatNonces nonces, ClientRateLimits limits,
        TimeProvider time, ILogger<WeChatInbox> logger)
    {
        var settings = options.Value;
        if (settings.Find(appId) is not { } wechat) return Problems.NotFound("未配置该微信应用。");
        var q = request.Query;
        var (body, tooLarge) = await ReadAsync(request, settings.MaxBodyBytes);
        if (tooLarge) return Problems.PayloadTooLarge($"消息体过大（最多 {settings.MaxBodyBytes / 1024} KB）。");

        WeChatPush push;
        try
        {
            push = WeChatPush.Parse(body);
            var encrypted = q["encrypt_type"] == "aes" && wechat.Mode != WeChatEncryptionMode.Plain;
            if (wechat.Mode == WeChatEncryptionMode.Safe && !encrypted) return Refuse("安全模式下只接受加密消息（encrypt_type=aes）。");
            if (encrypted)
            {
                if (push.Encrypt is not { Length: > 0 } cipher) return Problems.BadRequest("加密消息缺少 Encrypt 字段。");
                if (CheckSignature(wechat, q["msg_signature"], q["timestamp"], q["nonce"], settings, time, cipher) is { } refusal) return refusal;
                push = WeChatPush.Parse(new WeChatMessageCrypt(wechat.EncodingAesKey, wechat.AppId).Decrypt(cipher), push.IsJson);
            }
            else if (CheckSignature(wechat, q["signature"], q["timestamp"], q["nonce"], settings, time) is { } refusal) return refusal;
            else if (await ReplayedAsync(nonces, wechat, q["timestamp"]!, q["nonce"]!, body) is { } replay) return replay;
        }
        catch (WeChatPushFormatException e)
        {
            return Problems.BadRequest(e.Message + "。");
        }
        catch (WeChatCryptException e)
        {
            logger.LogWarning("WeChat push for {AppId} refused: {Reason}", appId, e.Message);
            return e.WrongApp
                ? Results.Problem(detail: e.Message + "。", statusCode: StatusCodes.Status403Forbidden, title: "没有权限")
                : Problems.BadRequest(e.Message + "。");
        }

        if (push.FromUserName is not { Length: > 0 and <= 128 } || push.MsgType is not { Length: > 0 })
            return Problems.BadRequest("消息缺少 FromUserName 或 MsgType。");
        // Every push arrives from WeChat's servers, so the client is the WeChat user the push names.
        if (!await limits.TryAcquireWeChatAsync(wechat.AppId + ":" + push.FromUserName))
            return Results.Problem(detail: "消息过于频繁，请稍后再试。", statusCode: StatusCodes.Status429TooManyRequests, title: "请求过多");
        return await inbox.AcceptAsync(new WeChatInbound(wechat, push)) switch
        {
            // A retry gets the same acknowledgement, so WeChat stops retrying; it is not handled again.
            InboxResult.Queued or InboxResult.Duplicate => Results.Text("success", "text/plain"),
            _ => Results.Problem(detail: "消息队列已满，请稍后重试。", statusCode: StatusCodes.Status503ServiceUnavailable),
        };
    }

    /// <summary>Mini-program login: a <c>wx.login</c> code for a visitor token of the same user the pushes come from.</summary>
    private static async Task<IResult> LoginAsync(
        string appId, HttpRequest request, IOptions<WeChatOptions> options, WeChatApiClient api, WeChatUsers users, VisitorTokens tokens,
        ILogger<WeChatApiClient> logger)
    {
        if (options.Value.Find(appId) is not { } wechat) return Problems.NotFound("未配置该微信应用。");
        if (wechat.Kind != WeChatAppKind.MiniProgram) return Problems.BadRequest("只有小程序可以用 wx.login 登录。");
        var (login, error) = await JsonBody.ReadAsync<LoginRequest>(request, 4096, """{"code":"wx.login 返回的 code"}""");
        if (error is not null) return error;
        if (login!.Code is not { Length: > 0 and <= 256 } code || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return Problems.BadRequest("code 无效：请传入 wx.login 返回的 code。");
        string openId;
        try
        {
            openId = await api.Code2SessionAsync(wechat, code, request.HttpContext.RequestAborted);
        }
        catch (WeChatApiException e) when (e.ErrCode is 40029 or 40163 or 40226)
        {
            return Problems.BadRequest("登录凭证无效或已使用，请重新调用 wx.login。");
        }
        catch (Exception e) when (e is WeChatApiException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "jscode2session failed for {AppId}", appId);
            return Results.Problem(detail: "微信登录服务暂时不可用，请稍后再试。", statusCode: StatusCodes.Status502BadGateway, title: "上游服务错误");
        }
        var visitorId = await users.RememberAsync(wechat.AppId, openId, request.HttpContext.RequestAborted);
        return Results.Ok(new { visitorId, visitorToken = tokens.Issue(visitorId) });
    }

    private static IResult? CheckSignature(
        WeChatAppOptions app, string? signature, string? timestamp, string? nonce, WeChatOptions settings, TimeProvider time, string? encrypt = null)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || nonce.Length > 64 || !long.TryParse(timestamp, out var seconds))
            return Refuse("缺少或无效的 timestamp / nonce 参数。");
        var valid = encrypt is null
            ? WeChatSignature.Verify(signature, app.Token, timestamp, nonce)
            : WeChatSignature.Verify(signature, app.Token, timestamp, nonce, encrypt);
        if (!valid) return Refuse("签名校验失败。");
        var skew = (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration();
        return skew > settings.MaxClockSkew ? Refuse("时间戳已过期。") : null;
    }

    // The plain signature does not cover the body: a signed (timestamp, nonce) carries one body only.
    private static async Task<IResult?> ReplayedAsync(WeChatNonces nonces, WeChatAppOptions app, string timestamp, string nonce, string body) =>
        await nonces.CheckAsync(app.AppId, long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), nonce, body) switch
        {
            WeChatNonces.Verdict.Reused => Refuse("该签名（timestamp + nonce）已用于另一条消息，请求被拒绝。"),
            WeChatNonces.Verdict.Full => Results.Problem(detail: "消息过多，请稍后重试。", statusCode: StatusCodes.Status503ServiceUnavailable),
            _ => null,
        };

    private static IResult Refuse(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "签名无效");

    private static async Task<(string Body, bool TooLarge)> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return ("", true);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes) return ("", true);
            buffer.Write(chunk, 0, read);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
    }

    private sealed record LoginRequest(string? Code);
}
