using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>A customer-service message as the fake WeChat API received it.</summary>
public sealed record SentMessage(string ToUser, string MsgType, string Content, string AccessToken);

/// <summary>
/// A loopback stand-in for api.weixin.qq.com on Kestrel: serves <c>POST /cgi-bin/stable_token</c>,
/// <c>GET /sns/jscode2session</c> and records <c>POST /cgi-bin/message/custom/send</c>, answering like WeChat does
/// (HTTP 200 with an errcode). Tests can make token fetches fail and refuse messages to chosen users.
/// </summary>
public sealed class FakeWeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly ConcurrentDictionary<string, byte> _issued = new();
    private int _tokenFetches;
    private int _failNextFetches;

    public FakeWeChatServer(params (string AppId, string Secret)[] apps)
    {
        Apps = apps.ToDictionary(a => a.AppId, a => a.Secret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/cgi-bin/stable_token", StableTokenAsync);
        _app.MapGet("/sns/jscode2session", JsCode2Session);
        _app.MapPost("/cgi-bin/message/custom/send", SendAsync);
    }

    /// <summary>The apps this server knows, with their secrets.</summary>
    public IReadOnlyDictionary<string, string> Apps { get; }

    public Uri Address { get; private set; } = null!;

    /// <summary>Successful stable_token calls so far.</summary>
    public int TokenFetches => Volatile.Read(ref _tokenFetches);

    /// <summary>Seconds each token is valid.</summary>
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>wx.login codes this server knows, with the openid each stands for.</summary>
    public ConcurrentDictionary<string, string> Codes { get; } = new();

    /// <summary>Users whose messages are refused with the given errcode (45015 …).</summary>
    public ConcurrentDictionary<string, int> RefuseUsers { get; } = new();

    public IReadOnlyList<SentMessage> Sent => [.. _sent];

    public async Task<FakeWeChatServer> StartAsync()
    {
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return this;
    }

    /// <summary>The next <paramref name="count"/> stable_token calls answer errcode -1 (system busy).</summary>
    public void FailNextTokenFetches(int count)
    {
        lock (_issued) _failNextFetches = count;
    }

    /// <summary>Invalidates every token issued so far (as a forced refresh elsewhere would): sends with them get 40001.</summary>
    public void RevokeTokens() => _issued.Clear();

    /// <summary>Waits until a sent message matches, or fails after <paramref name="seconds"/>.</summary>
    public async Task<SentMessage> WaitForSentAsync(Func<SentMessage, bool> match, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = _sent.FirstOrDefault(match);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("微信接口没有收到预期的消息；已收到：" + string.Join(" | ", _sent.Select(m => $"{m.ToUser}:{m.Content}")));
            await _signal.WaitAsync(left);
        }
    }

    private async Task<IResult> StableTokenAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        if (root.GetProperty("grant_type").GetString() != "client_credential"
            || !Apps.TryGetValue(root.GetProperty("appid").GetString() ?? "", out var secret) || root.GetProperty("secret").GetString() != secret)
            return Results.Json(new { errcode = 40013, errmsg = "invalid appid or secret" });
        lock (_issued)
        {
            if (_failNextFetches > 0)
            {
                _failNextFetches--;
                return Results.Json(new { errcode = -1, errmsg = "system error" });
            }
        }
        var n = Interlocked.Increment(ref _tokenFetches);
        var token = $"ACCESS_TOKEN_{n}_{Guid.NewGuid():N}";
        _issued[token] = 0;
        return Results.Json(new { access_token = token, expires_in = TokenLifetimeSeconds });
    }

    private IResult JsCode2Session(HttpRequest request)
    {
        var q = request.Query;
        if (!Apps.TryGetValue(q["appid"].ToString(), out var secret) || q["secret"] != secret || q["grant_type"] != "authorization_code")
            return Results.Json(new { errcode = 40013, errmsg = "invalid appid" });
        return Codes.TryRemove(q["js_code"].ToString(), out var openId)
            ? Results.Json(new { openid = openId, session_key = "c2Vzc2lvbmtleQ==" })
            : Results.Json(new { errcode = 40029, errmsg = "invalid code" });
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        var token = request.Query["access_token"].ToString();
        if (!_issued.ContainsKey(token)) return Results.Json(new { errcode = 40001, errmsg = "invalid credential, access_token is invalid or not latest" });
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var toUser = root.GetProperty("touser").GetString()!;
        if (RefuseUsers.TryGetValue(toUser, out var code)) return Results.Json(new { errcode = code, errmsg = "response out of time limit or subscription is canceled" });
        var content = root.GetProperty("text").GetProperty("content").GetString()!;
        if (System.Text.Encoding.UTF8.GetByteCount(content) > 2048) return Results.Json(new { errcode = 45002, errmsg = "content size out of limit" });
        _sent.Enqueue(new SentMessage(toUser, root.GetProperty("msgtype").GetString()!, content, token));
        _signal.Release();
        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
