using System.Net;
using System.Text;
using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>
/// Message push against the real host: verification, each refusal (and that a refused push is never answered),
/// WeChat's retries answered once, both formats and all three encryption modes.
/// </summary>
public sealed class WeChatPushTests
{
    [Fact]
    public async Task VerificationEchoesEchostrOnlyForAValidSignature()
    {
        await using var host = await WeChatHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Chat.Address };
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var signature = WeChatPusher.Sign(WeChatHost.PushToken, ts, "1514711492");

        var ok = await http.GetAsync($"/wechat/{WeChatHost.MiniAppId}?signature={signature}&timestamp={ts}&nonce=1514711492&echostr=4375120948345356249");
        var wrong = await http.GetAsync($"/wechat/{WeChatHost.MiniAppId}?signature={signature}&timestamp={ts}&nonce=1514711493&echostr=4375120948345356249");
        var unknown = await http.GetAsync($"/wechat/wx0000000000000000?signature={signature}&timestamp={ts}&nonce=1514711492&echostr=1");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("4375120948345356249", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain("4375120948345356249", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task EveryForgedOrBrokenPushIsRefusedAndNeverAnswered()
    {
        await using var host = await WeChatHost.StartAsync();
        var mini = host.Mini;

        // Wrong signature: signed with another token.
        var (query, body) = mini.Prepare(WeChatPusher.Json(WeChatPusher.Text("o_wrong_signature", "身份证丢了怎么补办")));
        var forged = new WeChatPusher(host.Chat.Address, WeChatHost.MiniAppId, "NotTheToken", WeChatHost.AesKey, encrypt: true)
            .Prepare(WeChatPusher.Json(WeChatPusher.Text("o_wrong_signature", "身份证丢了怎么补办")));
        await AssertStatus(HttpStatusCode.Unauthorized, mini.PostAsync(forged.Query, forged.Body));

        // Tampered body: the ciphertext of another message under the original msg_signature.
        var other = mini.Encrypt(WeChatPusher.Json(WeChatPusher.Text("o_tampered", "居住证怎么办理")));
        var tampered = body.Replace(body.Split('"')[7], other);
        await AssertStatus(HttpStatusCode.Unauthorized, mini.PostAsync(query, tampered));

        // Correctly signed, but encrypted for another AppId.
        var foreignCipher = mini.Encrypt(WeChatPusher.Json(WeChatPusher.Text("o_wrong_app", "居住证怎么办理")), forAppId: "wx9999888877776666");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var foreign = $"?timestamp={ts}&nonce=42&encrypt_type=aes&msg_signature={WeChatPusher.Sign(WeChatHost.PushToken, ts, "42", foreignCipher)}";
        await AssertStatus(HttpStatusCode.Forbidden, mini.PostAsync(foreign, $$"""{"ToUserName":"gh_1","Encrypt":"{{foreignCipher}}"}"""));

        // Safe mode takes no plaintext, even correctly signed.
        var plainQuery = $"?signature={WeChatPusher.Sign(WeChatHost.PushToken, ts, "43")}&timestamp={ts}&nonce=43";
        await AssertStatus(HttpStatusCode.Unauthorized, mini.PostAsync(plainQuery, WeChatPusher.Json(WeChatPusher.Text("o_plain_in_safe", "身份证丢了怎么补办"))));

        // A push signed long ago (a captured one replayed).
        var old = mini.Prepare(WeChatPusher.Json(WeChatPusher.Text("o_old", "身份证丢了怎么补办")), timestamp: DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
        await AssertStatus(HttpStatusCode.Unauthorized, mini.PostAsync(old.Query, old.Body));

        // Oversized body.
        var huge = mini.Prepare(WeChatPusher.Json(WeChatPusher.Text("o_huge", new string('证', 20_000))));
        await AssertStatus(HttpStatusCode.RequestEntityTooLarge, mini.PostAsync(huge.Query, huge.Body));

        // Malformed JSON and XML inside a valid envelope, and a malformed envelope.
        var badJson = mini.Prepare("""{"FromUserName":"o_bad_json","MsgType":"text","Content":""");
        await AssertStatus(HttpStatusCode.BadRequest, mini.PostAsync(badJson.Query, badJson.Body));
        var account = host.Account;
        var badXml = account.Prepare("<xml><FromUserName>o_bad_xml</FromUserName><MsgType>text</MsgType><Content>x</xml>", json: false);
        await AssertStatus(HttpStatusCode.BadRequest, account.PostAsync(badXml.Query, badXml.Body, "text/xml"));
        var dtd = account.Prepare("""<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><FromUserName>o_dtd</FromUserName><MsgType>text</MsgType><Content>&x;</Content></xml>""", json: false);
        await AssertStatus(HttpStatusCode.BadRequest, account.PostAsync(dtd.Query, dtd.Body, "text/xml"));
        var envelope = mini.Prepare("{}");
        await AssertStatus(HttpStatusCode.BadRequest, mini.PostAsync(envelope.Query, "{\"Encrypt\":"));

        // A valid push afterwards is answered: pushes are handled in order, so by then any refused one would have been too.
        Assert.Equal("success", await (await mini.PushAsync(WeChatPusher.Text("o_sentinel", "谢谢"))).Content.ReadAsStringAsync());
        await host.WeChat.WaitForSentAsync(m => m.ToUser == "o_sentinel");
        Assert.All(host.WeChat.Sent, m => Assert.Equal("o_sentinel", m.ToUser));
    }

    [Fact]
    public async Task APushRepeatedByWeChatIsAnsweredOnce()
    {
        await using var host = await WeChatHost.StartAsync();
        var (query, body) = host.Mini.Prepare(WeChatPusher.Json(WeChatPusher.Text("o_retry", "身份证丢了怎么补办", msgId: 24_111_222_333_444_555)));

        // WeChat's first try and its three retries, each acknowledged.
        for (var i = 0; i < 4; i++) Assert.Equal("success", await (await host.Mini.PostAsync(query, body)).Content.ReadAsStringAsync());
        // The same MsgId signed anew (another nonce) is still the same message.
        await host.Mini.PushAsync(WeChatPusher.Text("o_retry", "身份证丢了怎么补办", msgId: 24_111_222_333_444_555));
        await host.Mini.PushAsync(WeChatPusher.Text("o_retry", "谢谢"));

        await host.WeChat.WaitForSentAsync(m => m.ToUser == "o_retry" && m.Content.Contains("不客气"));
        var sent = host.WeChat.Sent.Where(m => m.ToUser == "o_retry").ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(EngineAnswer(host, "身份证丢了怎么补办"), sent[0].Content);
        Assert.DoesNotContain("**", sent[0].Content);                    // Markdown was flattened
    }

    [Fact]
    public async Task EnteringTheChatGreetsOnceWithHotQuestionsFromTheBank()
    {
        await using var host = await WeChatHost.StartAsync();
        var enter = WeChatPusher.Event("o_enter", "user_enter_tempsession");

        await host.Mini.PushAsync(enter);
        await host.Mini.PushAsync(enter);                                   // WeChat's retry of the same event
        await host.Mini.PushAsync(WeChatPusher.Text("o_enter", "谢谢"));

        await host.WeChat.WaitForSentAsync(m => m.ToUser == "o_enter" && m.Content.Contains("不客气"));
        var sent = host.WeChat.Sent.Where(m => m.ToUser == "o_enter").ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains("大家都在问", sent[0].Content);
        Assert.Contains("· ", sent[0].Content);
        Assert.Equal(1, host.WeChat.TokenFetches);                         // one token for every message
    }

    [Fact]
    public async Task AnOfficialAccountXmlPushInPlainModeIsAnswered()
    {
        await using var host = await WeChatHost.StartAsync();

        var response = await host.Account.PushAsync(WeChatPusher.Text("o_account", "居住证怎么办理"), json: false);

        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        var answer = await host.WeChat.WaitForSentAsync(m => m.ToUser == "o_account");
        Assert.Equal(EngineAnswer(host, "居住证怎么办理"), answer.Content);   // the engine's answer, as plain text
        Assert.True(Encoding.UTF8.GetByteCount(answer.Content) <= 2048);
    }

    [Fact]
    public async Task CompatibleModeAcceptsPlainAndEncryptedPushes()
    {
        await using var host = await WeChatHost.StartAsync();

        await AssertStatus(HttpStatusCode.OK, host.Compatible(encrypt: false).PushAsync(WeChatPusher.Text("o_compat_plain", "谢谢")));
        await AssertStatus(HttpStatusCode.OK, host.Compatible(encrypt: true).PushAsync(WeChatPusher.Text("o_compat_aes", "谢谢"), json: false));

        await host.WeChat.WaitForSentAsync(m => m.ToUser == "o_compat_plain");
        await host.WeChat.WaitForSentAsync(m => m.ToUser == "o_compat_aes");
    }

    private static string EngineAnswer(WeChatHost host, string question)
    {
        var result = host.Chat.Services.GetRequiredService<AnswerEngine>().Ask(question);
        Assert.Equal(AnswerDecision.Answered, result.Decision);
        return WeChatText.FromMarkdown(result.Entry!.Answer);
    }

    private static async Task AssertStatus(HttpStatusCode expected, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"期望 {(int)expected}，实际 {(int)response.StatusCode}：{text}");
        if (expected != HttpStatusCode.OK) Assert.DoesNotContain("success", text);
    }
}
