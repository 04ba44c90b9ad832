using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovAssistant.ChatHub.Channels.WeChat;

/// <summary>
/// The three WeChat server APIs the channel calls: <c>POST /cgi-bin/stable_token</c>, <c>POST
/// /cgi-bin/message/custom/send</c> (mini-program customerServiceMessage.send and official-account custom messages
/// share it) and <c>GET /sns/jscode2session</c>. WeChat answers errors with HTTP 200 and an <c>errcode</c>.
/// </summary>
public sealed class WeChatApiClient(HttpClient http)
{
    /// <summary>A fresh (or still valid) stable access token.</summary>
    /// <exception cref="WeChatApiException">WeChat refused.</exception>
    public async Task<(string Token, TimeSpan Lifetime)> GetStableTokenAsync(WeChatAppOptions app, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync(Url(app, "/cgi-bin/stable_token"),
            new { grant_type = "client_credential", appid = app.AppId, secret = app.AppSecret, force_refresh = false }, ct);
        var body = await ReadAsync(response, ct);
        if (body.ErrCode != 0 || string.IsNullOrEmpty(body.AccessToken) || body.ExpiresIn <= 0)
            throw new WeChatApiException(body.ErrCode == 0 ? -1 : body.ErrCode, body.ErrMsg ?? "stable_token 没有返回凭证");
        return (body.AccessToken, TimeSpan.FromSeconds(body.ExpiresIn));
    }

    /// <summary>Sends a text customer-service message; returns WeChat's errcode and errmsg (0 = delivered).</summary>
    public async Task<(int ErrCode, string? ErrMsg)> SendTextAsync(
        WeChatAppOptions app, string accessToken, string openId, string text, CancellationToken ct = default)
    {
        var url = Url(app, "/cgi-bin/message/custom/send?access_token=" + Uri.EscapeDataString(accessToken));
        using var response = await http.PostAsJsonAsync(url, new { touser = openId, msgtype = "text", text = new { content = text } }, ct);
        var body = await ReadAsync(response, ct);
        return (body.ErrCode, body.ErrMsg);
    }

    /// <summary>Exchanges a <c>wx.login</c> code for the user's openid.</summary>
    /// <exception cref="WeChatApiException">WeChat refused the code.</exception>
    public async Task<string> Code2SessionAsync(WeChatAppOptions app, string code, CancellationToken ct = default)
    {
        var url = Url(app, "/sns/jscode2session?appid=" + Uri.EscapeDataString(app.AppId) + "&secret=" + Uri.EscapeDataString(app.AppSecret)
            + "&js_code=" + Uri.EscapeDataString(code) + "&grant_type=authorization_code");
        using var response = await http.GetAsync(url, ct);
        var body = await ReadAsync(response, ct);
        if (body.ErrCode != 0 || string.IsNullOrEmpty(body.OpenId))
            throw new WeChatApiException(body.ErrCode == 0 ? -1 : body.ErrCode, body.ErrMsg ?? "jscode2session 没有返回 openid");
        return body.OpenId;
    }

    private static Uri Url(WeChatAppOptions app, string pathAndQuery) => new(app.ApiBaseUrl.TrimEnd('/') + pathAndQuery);

    private static async Task<Reply> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // A 5xx or a proxy's HTML page is a transient failure, not an answer.
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"微信接口返回 HTTP {(int)response.StatusCode}", null, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonSerializer.Deserialize<Reply>(text) ?? throw new HttpRequestException("微信接口返回空内容");
        }
        catch (JsonException)
        {
            throw new HttpRequestException("微信接口返回的不是 JSON");
        }
    }

    private sealed record Reply(
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string? ErrMsg,
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn,
        [property: JsonPropertyName("openid")] string? OpenId);
}

/// <summary>WeChat answered with a non-zero errcode.</summary>
public sealed class WeChatApiException(int errCode, string errMsg) : Exception($"微信接口错误 {errCode}：{errMsg}")
{
    /// <summary>WeChat's errcode.</summary>
    public int ErrCode { get; } = errCode;
}
