using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>
/// The human-takeover flow end to end: real host, real SignalR connections over loopback for visitors and agents.
/// Each test uses its own host so queues and presence do not leak between tests.
/// </summary>
public sealed class LiveChatTests
{
    private const string Household = "公安局户政管理部门";

    [Fact]
    public async Task VisitorQuestionIsAnsweredByTheBot()
    {
        await using var host = new ConversationHost().Start();
        await using var visitor = await host.ConnectVisitorAsync();
        var view = await visitor.StartAsync();
        Assert.Equal("bot", view.Conversation.State);

        await visitor.SendAsync(view.Conversation.Id, "身份证丢了怎么补办");

        var answer = await visitor.WaitForAsync(m => m.Sender == "bot" && m.Decision == "answered");
        Assert.Contains("身份证", answer.Text);
        Assert.Contains(visitor.Messages, m => m.Sender == "visitor" && m.Text == "身份证丢了怎么补办");
    }

    [Fact]
    public async Task TwoUnansweredQuestionsBringTheVisitorIntoTheQueueAndAnAgentTakesOver()
    {
        await using var chat = await StaffedChat.StartAsync();
        var (agent, visitor, id) = (chat.Agent, chat.Visitor, chat.Id);

        await visitor.SendAsync(id, "今天天气怎么样");
        await visitor.SendAsync(id, "今天天气好不好");

        var queued = await visitor.WaitForAsync(m => m.Type == "queued");
        Assert.Contains("前面还有 0 位", queued.Text);
        var home = await agent.HelloAsync();
        Assert.Contains(home.Queue, q => q.Id == id);

        var accepted = await agent.Connection.InvokeAsync<Summary>("Accept", id);
        Assert.Equal("withAgent", accepted.State);
        await visitor.WaitForAsync(m => m.Type == "accepted" && m.Text.Contains("张敏"));

        var transcript = await agent.Connection.InvokeAsync<View>("Open", id, 0L);
        Assert.Contains(transcript.Messages, m => m.Sender == "bot");           // the agent sees the bot turns
        Assert.Contains(transcript.Messages, m => m.Text == "今天天气好不好");

        var typing = new TaskCompletionSource<(string, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        visitor.Connection.On<string, string>("AgentTyping", (conversation, name) => typing.TrySetResult((conversation, name)));
        await agent.Connection.InvokeAsync("Typing", id);
        Assert.Equal((id, "张敏"), await typing.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await agent.Connection.InvokeAsync("Send", id, "您好，我是人工客服，请问有什么可以帮您？");
        var reply = await visitor.WaitForAsync(m => m.Sender == "agent");
        Assert.Equal("张敏", reply.SenderName);

        await visitor.SendAsync(id, "我想咨询一下落户的问题");
        await agent.WaitForAsync(m => m.Sender == "visitor" && m.Text == "我想咨询一下落户的问题");
    }

    [Fact]
    public async Task AskingForAPersonWithNobodyOnlineOffersATicketThatAnAgentAnswersLater()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("wang", "王芳", [Household]);
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;

        await visitor.SendAsync(id, "转人工");
        await visitor.WaitForAsync(m => m.Type == "offerTicket");
        await visitor.Connection.InvokeAsync("LeaveMessage", id, "我的居住证签注问题，请回电", "13800138000");
        await visitor.WaitForAsync(m => m.Type == "ticketCreated");

        await using var agent = await host.ConnectAgentAsync("wang");
        var home = await agent.HelloAsync();
        Assert.Contains(home.Tickets, t => t.Id == id);
        await agent.Connection.InvokeAsync("Send", id, "您好，居住证签注可在社区服务中心办理。");

        // The visitor comes back later with the same token and reads the reply.
        await visitor.DisposeAsync();
        await using var back = await host.ConnectVisitorAsync(visitor.Token);
        var view = await back.ResumeAsync(id, 0);
        Assert.Equal("closed", view.Conversation.State);
        Assert.Contains(view.Messages, m => m.Sender == "agent" && m.Text.Contains("社区服务中心"));
    }

    [Fact]
    public async Task AnInvitedColleagueAndTheOwnerBothSeeTheVisitorsMessages()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", [Household]);
        await host.CreateAgentAsync("li", "李强", ["人力资源和社会保障局"]);
        await using var zhang = await host.ConnectAgentAsync("zhang");
        await using var li = await host.ConnectAgentAsync("li");
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.AskAnsweredAsync(id, "居住证怎么办理");
        await visitor.RequestHumanAsync(id);

        var accepted = await zhang.Connection.InvokeAsync<Summary>("Accept", id);
        Assert.Equal(Household, accepted.Department);                              // routed by the bot's topic
        await zhang.Connection.InvokeAsync("Invite", id, "li");
        await visitor.WaitForAsync(m => m.Type == "invited" && m.Text.Contains("李强"));
        await li.Connection.InvokeAsync<View>("Open", id, 0L);

        await visitor.SendAsync(id, "我在外地交的社保，办居住证有影响吗");
        await zhang.WaitForAsync(m => m.Text == "我在外地交的社保，办居住证有影响吗");
        await li.WaitForAsync(m => m.Text == "我在外地交的社保，办居住证有影响吗");
        await li.Connection.InvokeAsync("Send", id, "社保缴纳地不影响居住证办理。");
        await visitor.WaitForAsync(m => m.Sender == "agent" && m.SenderName == "李强");
    }

    [Fact]
    public async Task TransferHandsTheConversationToAnotherAgent()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        await host.CreateAgentAsync("zhao", "赵磊", ["*"]);
        await using var zhang = await host.ConnectAgentAsync("zhang");
        await using var zhao = await host.ConnectAgentAsync("zhao");
        await using var visitor = await host.ConnectVisitorAsync();
        var id = await QueueAsync(visitor);
        await zhang.Connection.InvokeAsync<Summary>("Accept", id);

        await zhang.Connection.InvokeAsync("TransferToAgent", id, "zhao");

        await visitor.WaitForAsync(m => m.Type == "transferred" && m.Text.Contains("赵磊"));
        var home = await zhao.HelloAsync();
        Assert.Contains(home.Active, a => a.Id == id);
        var error = await Assert.ThrowsAsync<HubException>(() => zhang.Connection.InvokeAsync("Send", id, "还在吗"));
        Assert.Contains("无权访问", error.Message);
        await zhao.Connection.InvokeAsync("Send", id, "您好，我是赵磊。");
        await visitor.WaitForAsync(m => m.SenderName == "赵磊");
    }

    [Fact]
    public async Task ClosingLetsTheVisitorRateTheServiceOnce()
    {
        await using var chat = await ServedChatAsync();
        var (agent, visitor, id) = (chat.Agent, chat.Visitor, chat.Id);

        await agent.Connection.InvokeAsync("Close", id);
        await visitor.WaitForAsync(m => m.Type == "closed");
        await visitor.Connection.InvokeAsync("Rate", id, 5, "很耐心");

        var view = await visitor.ResumeAsync(id, 0);
        Assert.Equal(5, view.Conversation.Rating);
        var again = await Assert.ThrowsAsync<HubException>(() => visitor.Connection.InvokeAsync("Rate", id, 1, "改主意了"));
        Assert.Contains("已评价", again.Message);
    }

    [Fact]
    public async Task ABadRatingIsFlaggedForTheSupervisorButNotShownToTheVisitor()
    {
        await using var chat = await ServedChatAsync();
        var (host, agent, visitor, id) = (chat.Host, chat.Agent, chat.Visitor, chat.Id);
        await agent.Connection.InvokeAsync("Close", id);
        await visitor.WaitForAsync(m => m.Type == "closed");

        await visitor.Connection.InvokeAsync("Rate", id, 1, "等了很久");

        await using var supervisor = await host.ConnectAgentAsync("admin");
        var transcript = await supervisor.Connection.InvokeAsync<View>("Open", id, 0L);
        Assert.Contains(transcript.Messages, m => m.Sender == "note" && m.Type == "badRating");
        var seen = await visitor.ResumeAsync(id, 0);
        Assert.DoesNotContain(seen.Messages, m => m.Type == "badRating");
    }

    [Fact]
    public async Task AQueuedConversationIsOfferedToTheLeastLoadedAgentOfItsDepartment()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", [Household]);
        await host.CreateAgentAsync("wang", "王芳", [Household]);
        await host.CreateAgentAsync("li", "李强", ["人力资源和社会保障局"]);
        await using var zhang = await host.ConnectAgentAsync("zhang");
        await using var wang = await host.ConnectAgentAsync("wang");
        await using var li = await host.ConnectAgentAsync("li");

        // zhang is busy with one conversation already.
        await using var first = await host.ConnectVisitorAsync();
        var busy = await QueueAsync(first);
        await zhang.Connection.InvokeAsync<Summary>("Accept", busy);

        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.AskAnsweredAsync(id, "居住证怎么办理");
        await visitor.RequestHumanAsync(id);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!wang.Offers.Any(o => o.Id == id) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Contains(wang.Offers, o => o.Id == id && o.Department == Household);
        Assert.DoesNotContain(zhang.Offers, o => o.Id == id);
        Assert.DoesNotContain(li.Offers, o => o.Id == id);
    }

    [Fact]
    public async Task AnAgentAtCapacityCannotAcceptAnotherConversation()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"], capacity: 1);
        await using var agent = await host.ConnectAgentAsync("zhang");
        await using var first = await host.ConnectVisitorAsync();
        await using var second = await host.ConnectVisitorAsync();
        var a = (await first.StartAsync()).Conversation.Id;
        var b = (await second.StartAsync()).Conversation.Id;
        await first.SendAsync(a, "转人工");
        await second.SendAsync(b, "转人工");
        await second.WaitForAsync(m => m.Type == "queued");
        await agent.Connection.InvokeAsync<Summary>("Accept", a);

        var refused = await Assert.ThrowsAsync<HubException>(() => agent.Connection.InvokeAsync<Summary>("Accept", b));
        Assert.Contains("已达上限", refused.Message);
    }

    [Fact]
    public async Task AReconnectingVisitorGetsExactlyTheMessagesItMissed()
    {
        await using var host = new ConversationHost().Start();
        await host.CreateAgentAsync("zhang", "张敏", ["*"]);
        await using var agent = await host.ConnectAgentAsync("zhang");
        var visitor = await host.ConnectVisitorAsync();
        var id = await QueueAsync(visitor);
        await agent.Connection.InvokeAsync<Summary>("Accept", id);
        var lastSeen = (await visitor.WaitForAsync(m => m.Type == "accepted")).Seq;

        await visitor.DisposeAsync();                                        // the connection drops
        await agent.Connection.InvokeAsync("Send", id, "第一条");
        await agent.Connection.InvokeAsync("Note", id, "内部备注：访客可能需要回访");
        await agent.Connection.InvokeAsync("Send", id, "第二条");

        await using var back = await host.ConnectVisitorAsync(visitor.Token);
        var view = await back.ResumeAsync(id, lastSeen);

        Assert.Equal(["第一条", "第二条"], view.Messages.Select(m => m.Text).ToArray());   // no note, no gap, no duplicate
        Assert.Equal(view.Messages.Select(m => m.Seq).Order().ToArray(), view.Messages.Select(m => m.Seq).ToArray());
        await agent.Connection.InvokeAsync("Send", id, "第三条");
        await back.WaitForAsync(m => m.Text == "第三条");
    }

    [Fact]
    public async Task AVisitorCannotReadOrWriteAnotherVisitorsConversation()
    {
        await using var host = new ConversationHost().Start();
        await using var alice = await host.ConnectVisitorAsync();
        await using var mallory = await host.ConnectVisitorAsync();
        var id = (await alice.StartAsync()).Conversation.Id;
        await alice.SendAsync(id, "我的身份证号是110101199003071234");

        var read = await Assert.ThrowsAsync<HubException>(() => mallory.ResumeAsync(id, 0));
        Assert.Contains("无权访问", read.Message);
        await Assert.ThrowsAsync<HubException>(() => mallory.SendAsync(id, "hello"));
        Assert.DoesNotContain(mallory.Messages, m => m.ConversationId == id);
    }

    [Fact]
    public async Task AForgedVisitorTokenCannotConnect()
    {
        await using var host = new ConversationHost().Start();
        await Assert.ThrowsAnyAsync<Exception>(() => host.ConnectVisitorAsync("not-a-token"));
    }

    /// <summary>Starts a conversation for <paramref name="visitor"/> and asks for a person, returning once it is queued.</summary>
    private static async Task<string> QueueAsync(VisitorClient visitor)
    {
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, "转人工");
        await visitor.WaitForAsync(m => m.Type == "queued");
        return id;
    }

    /// <summary>A <see cref="StaffedChat"/> whose visitor asked for a person and was accepted by 张敏.</summary>
    private static async Task<StaffedChat> ServedChatAsync()
    {
        var chat = await StaffedChat.StartAsync();
        await chat.Visitor.SendAsync(chat.Id, "转人工");
        await chat.Visitor.WaitForAsync(m => m.Type == "queued");
        await chat.Agent.Connection.InvokeAsync<Summary>("Accept", chat.Id);
        return chat;
    }
}
