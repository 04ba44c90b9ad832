using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.WeChat;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>Guards that count or remember across requests hold across nodes: login throttling, WeChat de-duplication and nonces.</summary>
public sealed class TwoNodeGuardTests
{
    private const string AppSecret = "account-secret-for-tests";

    [Fact]
    public async Task FailedLoginsOnNodeAMakeTheNextLoginOnNodeBWait()
    {
        await using var cluster = await TwoNodeCluster.StartAsync(new Dictionary<string, string> { ["Agents:MaxFailedLogins"] = "2" });
        await cluster.A.CreateAgentAsync("zhao", "赵强", ["*"]);
        using var onA = new HttpClient { BaseAddress = cluster.A.Address };
        using var onB = new HttpClient { BaseAddress = cluster.B.Address };

        for (var i = 0; i < 2; i++)
        {
            using var wrong = await onA.PostAsJsonAsync("/api/agents/login", new { username = "zhao", password = "wrong-Password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var right = await onB.PostAsJsonAsync("/api/agents/login", new { username = "zhao", password = ConversationHost.AgentPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("登录失败次数过多", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWeChatRetryReachingTheOtherNodeIsAnsweredOnceAndAForgedReuseOfItsNonceIsRefusedThere()
    {
        await using var wechat = await new FakeWeChatServer((WeChatHost.AccountAppId, AppSecret)).StartAsync();
        await using var cluster = await TwoNodeCluster.StartAsync(new Dictionary<string, string>
        {
            ["WeChat:Enabled"] = "true",
            ["WeChat:SendBackoff"] = "00:00:00.020",
            ["WeChat:Apps:0:AppId"] = WeChatHost.AccountAppId,
            ["WeChat:Apps:0:AppSecret"] = AppSecret,
            ["WeChat:Apps:0:Token"] = WeChatHost.PushToken,
            ["WeChat:Apps:0:EncodingAesKey"] = WeChatHost.AesKey,
            ["WeChat:Apps:0:Mode"] = "plain",
            ["WeChat:Apps:0:Kind"] = "officialAccount",
            ["WeChat:Apps:0:ApiBaseUrl"] = wechat.Address.ToString(),
        });
        var toA = new WeChatPusher(cluster.A.Address, WeChatHost.AccountAppId, WeChatHost.PushToken, WeChatHost.AesKey, encrypt: false);
        var toB = new WeChatPusher(cluster.B.Address, WeChatHost.AccountAppId, WeChatHost.PushToken, WeChatHost.AesKey, encrypt: false);
        var (query, body) = toA.Prepare(WeChatPusher.Xml(WeChatPusher.Text("o_two_nodes", "谢谢")), json: false);

        using var first = await toA.PostAsync(query, body, "text/xml");
        // WeChat got no answer in time (say) and retries; the load balancer sends the retry to the other node.
        using var retry = await toB.PostAsync(query, body, "text/xml");
        using var forged = await toB.PostAsync(query, WeChatPusher.Xml(WeChatPusher.Text("o_two_nodes_forged", "居住证怎么办理")), "text/xml");

        Assert.Equal("success", await first.Content.ReadAsStringAsync());
        Assert.Equal("success", await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        // Each node handles its pushes in order: once both sentinels are answered, a duplicate would have been too.
        await toA.PushAsync(WeChatPusher.Text("o_sentinel_a", "谢谢"), json: false);
        await toB.PushAsync(WeChatPusher.Text("o_sentinel_b", "谢谢"), json: false);
        await wechat.WaitForSentAsync(m => m.ToUser == "o_sentinel_a");
        await wechat.WaitForSentAsync(m => m.ToUser == "o_sentinel_b");
        Assert.Single(wechat.Sent, m => m.ToUser == "o_two_nodes");
        Assert.DoesNotContain(wechat.Sent, m => m.ToUser == "o_two_nodes_forged");
    }
}
