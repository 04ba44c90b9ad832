using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Channels.WeChat;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.QaEngine;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>
/// A WeChat user served end to end: the real host, a fake WeChat server on loopback that signs and encrypts
/// pushes and records customer-service calls, and an agent on a real SignalR connection.
/// </summary>
public sealed class WeChatEndToEndTests
{
    [Fact]
    public async Task AMiniProgramUserIsAnsweredOnceTakenOverByAnAgentAndRatesTheService()
    {
        await using var host = await WeChatHost.StartAsync();
        await host.Chat.CreateAgentAsync("zhang", "张敏", ["*"]);
        await using var agent = await host.Chat.ConnectAgentAsync("zhang");
        await agent.HelloAsync();
        const string user = "oCitizen_5Kd5ggOC";
        var mini = host.Mini;

        // The mini-program logs in with its wx.login code and gets a visitor token.
        host.WeChat.Codes["061Ab2ll2example"] = user;
        using var http = new HttpClient { BaseAddress = host.Chat.Address };
        var login = await http.PostAsJsonAsync($"/api/wechat/{WeChatHost.MiniAppId}/login", new { code = "061Ab2ll2example" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var issued = (await login.Content.ReadFromJsonAsync<LoginReply>())!;
        Assert.Equal(WeChatUsers.VisitorIdOf(WeChatHost.MiniAppId, user), issued.VisitorId);

        // A question, pushed and then retried by WeChat: answered once, with the engine's answer.
        var (query, body) = mini.Prepare(WeChatPusher.Json(WeChatPusher.Text(user, "身份证丢了怎么补办")));
        Assert.Equal("success", await (await mini.PostAsync(query, body)).Content.ReadAsStringAsync());
        Assert.Equal("success", await (await mini.PostAsync(query, body)).Content.ReadAsStringAsync());
        var expected = WeChatText.FromMarkdown(host.Chat.Services.GetRequiredService<AnswerEngine>().Ask("身份证丢了怎么补办").Entry!.Answer);
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content == expected);

        // 人工: queued; the agent accepts from the console's hub and sees the bot's turn.
        await mini.PushAsync(WeChatPusher.Text(user, "人工"));
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.Contains("前面还有 0 位"));
        var queued = Assert.Single((await agent.HelloAsync()).Queue, c => c.Channel == "wechat");
        await agent.Connection.InvokeAsync<Summary>("Accept", queued.Id);
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.Contains("张敏"));
        var transcript = await agent.Connection.InvokeAsync<View>("Open", queued.Id, 0L);
        Assert.Contains(transcript.Messages, m => m.Sender == "bot" && m.Decision == "answered");

        // The user writes to the agent, the agent replies, the reply reaches the customer-service API.
        await mini.PushAsync(WeChatPusher.Text(user, "临时身份证当天能拿到吗"));
        await agent.WaitForAsync(m => m.Sender == "visitor" && m.Text == "临时身份证当天能拿到吗");
        await agent.Connection.InvokeAsync("Send", queued.Id, "您好，临时身份证一般当天即可领取。");
        var reply = await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content == "您好，临时身份证一般当天即可领取。");
        Assert.Equal("text", reply.MsgType);

        // The agent closes; the user rates with "5".
        await agent.Connection.InvokeAsync("Close", queued.Id);
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.Contains("回复数字 1–5"));
        await mini.PushAsync(WeChatPusher.Text(user, "5"));
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.Contains("感谢您的评价"));
        var rated = await agent.Connection.InvokeAsync<View>("Open", queued.Id, 0L);
        Assert.Equal(5, rated.Conversation.Rating);

        Assert.Single(host.WeChat.Sent, m => m.Content == expected);
        Assert.Equal(1, host.WeChat.TokenFetches);
        // The login token reaches the same conversation over the visitor hub.
        await using var visitor = await host.Chat.ConnectVisitorAsync(issued.VisitorToken);
        Assert.Equal("closed", (await visitor.ResumeAsync(queued.Id, 0)).Conversation.State);
    }

    [Fact]
    public async Task WithNobodyOnlineAWeChatUserLeavesAMessageAndTheAgentsAnswerReachesThemLater()
    {
        await using var host = await WeChatHost.StartAsync();
        const string user = "oNight_owl_2231";

        await host.Mini.PushAsync(WeChatPusher.Text(user, "转人工"));
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.Contains("当前没有人工客服在线") && m.Content.Contains("留言+您的问题"));
        await host.Mini.PushAsync(WeChatPusher.Text(user, "留言"));
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.StartsWith("请在“留言”后写下"));
        await host.Mini.PushAsync(WeChatPusher.Text(user, "留言：我的公积金提取申请两周了还没到账"));
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.Contains("留言已提交"));

        // Next morning an agent signs in, finds the ticket and answers it; the answer goes out through WeChat.
        await host.Chat.CreateAgentAsync("zhao", "赵敏", ["*"]);
        await using var agent = await host.Chat.ConnectAgentAsync("zhao");
        var ticket = Assert.Single((await agent.HelloAsync()).Tickets, t => t.Channel == "wechat");
        var transcript = await agent.Connection.InvokeAsync<View>("Open", ticket.Id, 0L);
        Assert.Contains(transcript.Messages, m => m.Sender == "visitor" && m.Text == "我的公积金提取申请两周了还没到账");
        await agent.Connection.InvokeAsync("Send", ticket.Id, "您好，已为您查询，款项将于 3 个工作日内到账。");

        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content == "您好，已为您查询，款项将于 3 个工作日内到账。");
    }

    [Fact]
    public async Task AnAgentSeesAPrivateNoteWhenAReplyCannotBeDelivered()
    {
        await using var host = await WeChatHost.StartAsync();
        await host.Chat.CreateAgentAsync("li", "李强", ["*"]);
        await using var agent = await host.Chat.ConnectAgentAsync("li");
        await agent.HelloAsync();
        const string user = "oLate_user_48h";
        await host.Mini.PushAsync(WeChatPusher.Text(user, "转人工"));
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content.Contains("前面还有"));
        var queued = Assert.Single((await agent.HelloAsync()).Queue, c => c.Channel == "wechat");
        await agent.Connection.InvokeAsync<Summary>("Accept", queued.Id);
        await agent.Connection.InvokeAsync<View>("Open", queued.Id, 0L);

        // A token WeChat no longer accepts (40001) is replaced and the message still goes out.
        host.WeChat.RevokeTokens();
        await agent.Connection.InvokeAsync("Send", queued.Id, "请问您办理的是哪一项业务？");
        await host.WeChat.WaitForSentAsync(m => m.ToUser == user && m.Content == "请问您办理的是哪一项业务？");
        Assert.Equal(2, host.WeChat.TokenFetches);

        // Outside the 48-hour window WeChat refuses (45015): the agent is told in a private note.
        host.WeChat.RefuseUsers[user] = 45015;
        await agent.Connection.InvokeAsync("Send", queued.Id, "您好，材料已审核通过。");
        var note = await agent.WaitForAsync(m => m.Sender == "note" && m.Text.StartsWith("回复未能送达"));
        Assert.Contains("48 小时", note.Text);
        Assert.Contains("材料已审核通过", note.Text);
        Assert.DoesNotContain(host.WeChat.Sent, m => m.Content.Contains("材料已审核通过"));
    }

    [Fact]
    public async Task LoginRefusesBadCodesUnknownAppsAndOfficialAccounts()
    {
        await using var host = await WeChatHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Chat.Address };

        var unknownCode = await http.PostAsJsonAsync($"/api/wechat/{WeChatHost.MiniAppId}/login", new { code = "0000unknown" });
        var badCode = await http.PostAsJsonAsync($"/api/wechat/{WeChatHost.MiniAppId}/login", new { code = "a b<c>" });
        var noBody = await http.PostAsync($"/api/wechat/{WeChatHost.MiniAppId}/login", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        var unknownApp = await http.PostAsJsonAsync("/api/wechat/wx0000000000000000/login", new { code = "x" });
        var account = await http.PostAsJsonAsync($"/api/wechat/{WeChatHost.AccountAppId}/login", new { code = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, unknownCode.StatusCode);
        Assert.Contains("wx.login", await unknownCode.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownApp.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, account.StatusCode);
    }

    [Fact]
    public async Task StartUpFailsWhenWeChatIsEnabledWithoutItsSecrets()
    {
        using var folder = new TempFolder();
        await using var app = new LoopbackApp(folder.Path, new Dictionary<string, string>
        {
            ["WeChat:Enabled"] = "true",
            ["WeChat:Apps:0:AppId"] = "wx1234123412341234",
            ["WeChat:Apps:0:Mode"] = "safe",
        });

        var e = Assert.ThrowsAny<Exception>(() => app.Start());

        var message = e.ToString();
        Assert.Contains("WeChat:Apps:0:AppSecret", message);
        Assert.Contains("WeChat:Apps:0:Token", message);
        Assert.Contains("EncodingAesKey", message);
    }

    [Fact]
    public async Task WithWeChatDisabledItsEndpointsDoNotExist()
    {
        await using var host = new ConversationHost().Start();
        using var http = new HttpClient { BaseAddress = host.Address };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/wechat/wxb11529c136998cb6?signature=x&timestamp=1&nonce=1&echostr=1")).StatusCode);
    }

    private sealed record LoginReply(string VisitorId, string VisitorToken);
}
