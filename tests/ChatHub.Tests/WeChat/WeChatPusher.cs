using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Security;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>
/// Plays the WeChat server's side of message push against the host: builds JSON or XML pushes, signs them
/// (<c>signature</c> = SHA1 of sorted token, timestamp, nonce) and in safe mode encrypts them (AES-256-CBC,
/// PKCS#7 to 32-byte blocks, random(16) + length + message + AppId) and signs the ciphertext (<c>msg_signature</c>)
/// — written from the documentation, independently of the product's code.
/// </summary>
public sealed class WeChatPusher(Uri host, string appId, string token, string encodingAesKey, bool encrypt)
{
    private static long _msgId = 24_000_000_000_000_000;
    private readonly HttpClient _http = new() { BaseAddress = host };

    public string AppId => appId;

    public static long NextMsgId() => Interlocked.Increment(ref _msgId);

    /// <summary>A text message from <paramref name="openId"/>.</summary>
    public static Dictionary<string, object> Text(string openId, string content, long? msgId = null) => new()
    {
        ["ToUserName"] = "gh_9f3a2b1c0d4e", ["FromUserName"] = openId, ["CreateTime"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["MsgType"] = "text", ["Content"] = content, ["MsgId"] = msgId ?? NextMsgId(),
    };

    /// <summary>An event from <paramref name="openId"/>.</summary>
    public static Dictionary<string, object> Event(string openId, string name) => new()
    {
        ["ToUserName"] = "gh_9f3a2b1c0d4e", ["FromUserName"] = openId, ["CreateTime"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["MsgType"] = "event", ["Event"] = name, ["SessionFrom"] = "wxapp",
    };

    public static string Json(Dictionary<string, object> fields) => JsonSerializer.Serialize(fields);

    public static string Xml(Dictionary<string, object> fields) =>
        "<xml>" + string.Concat(fields.Select(f => f.Value is string s
            ? $"<{f.Key}><![CDATA[{s}]]></{f.Key}>"
            : $"<{f.Key}>{SecurityElement.Escape(f.Value.ToString())}</{f.Key}>")) + "</xml>";

    /// <summary>The query string and body WeChat would send for <paramref name="plainBody"/>.</summary>
    public (string Query, string Body) Prepare(string plainBody, bool json = true, long? timestamp = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString();
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString();
        var signature = Sign(token, ts, nonce);
        if (!encrypt) return ($"?signature={signature}&timestamp={ts}&nonce={nonce}", plainBody);
        var cipher = Encrypt(plainBody);
        var body = json ? JsonSerializer.Serialize(new { ToUserName = "gh_9f3a2b1c0d4e", Encrypt = cipher })
                        : $"<xml><ToUserName><![CDATA[gh_9f3a2b1c0d4e]]></ToUserName><Encrypt><![CDATA[{cipher}]]></Encrypt></xml>";
        return ($"?signature={signature}&timestamp={ts}&nonce={nonce}&openid=o_any&encrypt_type=aes&msg_signature={Sign(token, ts, nonce, cipher)}", body);
    }

    /// <summary>Pushes a prepared request to <c>/wechat/{appId}</c>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string query, string body, string contentType = "application/json") =>
        await _http.PostAsync($"/wechat/{appId}{query}", new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>Prepares and pushes a message.</summary>
    public async Task<HttpResponseMessage> PushAsync(Dictionary<string, object> fields, bool json = true)
    {
        var (query, body) = Prepare(json ? Json(fields) : Xml(fields), json);
        return await PostAsync(query, body, json ? "application/json" : "text/xml");
    }

    public static string Sign(params string[] parts) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts.Order(StringComparer.Ordinal)))));

    /// <summary>Encrypts as the WeChat server does, for <paramref name="forAppId"/> (default: this app).</summary>
    public string Encrypt(string message, string? forAppId = null, byte[]? random = null)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var msg = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(forAppId ?? appId);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, msg.Length);
        var plain = (random ?? RandomNumberGenerator.GetBytes(16)).Concat(length).Concat(msg).Concat(id).ToList();
        var pad = 32 - plain.Count % 32;
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = Aes.Create();
        aes.Key = key;
        aes.IV = key[..16];
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None;
        using var encryptor = aes.CreateEncryptor();
        var data = plain.ToArray();
        return Convert.ToBase64String(encryptor.TransformFinalBlock(data, 0, data.Length));
    }
}
