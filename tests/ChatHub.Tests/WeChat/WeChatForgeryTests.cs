using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using GovAssistant.ChatHub.Channels.WeChat;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>
/// Pushes built to break the channel: a decrypted length field that overflows, and a signed plain-mode URL reused
/// for other bodies. Each is refused with a 4xx, never a 500, and never answered.
/// </summary>
public sealed class WeChatForgeryTests
{
    [Theory]
    [InlineData(0x7fffffff)]
    [InlineData(0x7fffffec)]   // 20 + this is exactly int.MaxValue + 1
    [InlineData(int.MinValue)]
    [InlineData(1_000)]
    public void AnOverflowingLengthFieldIsRefusedAsACryptError(int length)
    {
        var cipher = EncryptRaw(WeChatHost.AesKey, length, "hello"u8.ToArray(), WeChatHost.MiniAppId);

        var e = Assert.Throws<WeChatCryptException>(() => new WeChatMessageCrypt(WeChatHost.AesKey, WeChatHost.MiniAppId).Decrypt(cipher));
        Assert.Contains("长度", e.Message);
    }

    [Fact]
    public async Task AJsonPushWithALoneSurrogateGetsAChinese400NotA500()
    {
        // The body is read before its signature is checked, so anyone could send this one.
        await using var host = await WeChatHost.StartAsync();

        using var response = await host.Mini.PostAsync("?timestamp=1&nonce=1&signature=x",
            """{"ToUserName":"gh_1","FromUserName":"oUser","MsgType":"text","Content":"\ud800"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unicode", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedSafeModePushWithAnOverflowingLengthGetsA400NotA500()
    {
        await using var host = await WeChatHost.StartAsync();
        var cipher = EncryptRaw(WeChatHost.AesKey, 0x7fffffff, "{}"u8.ToArray(), WeChatHost.MiniAppId);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var query = $"?timestamp={ts}&nonce=77&encrypt_type=aes&msg_signature={WeChatPusher.Sign(WeChatHost.PushToken, ts, "77", cipher)}";

        using var response = await host.Mini.PostAsync(query, $$"""{"ToUserName":"gh_1","Encrypt":"{{cipher}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("长度字段不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedPlainModeUrlCarriesOneBodyOnlyButWeChatsRetryOfItPasses()
    {
        await using var host = await WeChatHost.StartAsync();
        var account = host.Account;
        var (query, body) = account.Prepare(WeChatPusher.Xml(WeChatPusher.Text("o_nonce_real", "谢谢")), json: false);

        using var first = await account.PostAsync(query, body, "text/xml");
        using var retry = await account.PostAsync(query, body, "text/xml");
        var forgedBody = WeChatPusher.Xml(WeChatPusher.Text("o_nonce_forged", "居住证怎么办理"));
        using var forged = await account.PostAsync(query, forgedBody, "text/xml");

        Assert.Equal("success", await first.Content.ReadAsStringAsync());
        Assert.Equal("success", await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("已用于另一条消息", await forged.Content.ReadAsStringAsync());
        // Pushes are handled in order: once the sentinel is answered, a forged one would have been too.
        await account.PushAsync(WeChatPusher.Text("o_nonce_sentinel", "谢谢"), json: false);
        await host.WeChat.WaitForSentAsync(m => m.ToUser == "o_nonce_sentinel");
        Assert.DoesNotContain(host.WeChat.Sent, m => m.ToUser == "o_nonce_forged");
        Assert.Single(host.WeChat.Sent, m => m.ToUser == "o_nonce_real");
    }

    [Fact]
    public void ANonceIsRememberedWhileItsTimestampIsFreshAndForgottenAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z"));
        var options = new WeChatOptions { MaxClockSkew = TimeSpan.FromMinutes(10), MaxRememberedNonces = 2 };
        var nonces = new WeChatNonces(Options.Create(options), time);
        var ts = time.GetUtcNow().ToUnixTimeSeconds();

        Assert.Equal(WeChatNonces.Verdict.Fresh, nonces.Check("wx1", ts, "n1", "a"));
        Assert.Equal(WeChatNonces.Verdict.Fresh, nonces.Check("wx1", ts, "n1", "a"));
        Assert.Equal(WeChatNonces.Verdict.Reused, nonces.Check("wx1", ts, "n1", "b"));
        Assert.Equal(WeChatNonces.Verdict.Fresh, nonces.Check("wx2", ts, "n1", "b"));   // another app's pair
        Assert.Equal(WeChatNonces.Verdict.Full, nonces.Check("wx1", ts, "n2", "c"));    // two remembered: the cap

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        // Expired pairs are swept when room is needed; by then the timestamp check refuses them anyway.
        Assert.Equal(WeChatNonces.Verdict.Fresh, nonces.Check("wx1", ts + 700, "n2", "c"));
        Assert.Equal(WeChatNonces.Verdict.Fresh, nonces.Check("wx1", ts, "n1", "b"));
    }

    // The WeChat plaintext layout (16 random bytes, length, message, AppId, PKCS#7 to 32) with any length field.
    private static string EncryptRaw(string encodingAesKey, int lengthField, byte[] message, string appId)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var plain = new List<byte>(RandomNumberGenerator.GetBytes(16));
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, lengthField);
        plain.AddRange(length);
        plain.AddRange(message);
        plain.AddRange(Encoding.UTF8.GetBytes(appId));
        var pad = 32 - plain.Count % 32;
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), key.AsSpan(0, 16), PaddingMode.None));
    }
}
