using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>
/// Waits in the queue that pass without any event (issue 10, defect 1): the host's clock is a FakeTimeProvider, the
/// visitor and agent real SignalR clients that never reconnect or reload.
/// </summary>
public sealed class QueueWaitTests
{
    private const string Household = "公安局户政管理部门";
    private const string Traffic = "公安交通管理部门";

    [Fact]
    public async Task ATrafficVisitorReachesTheOnlyHouseholdAgentOnceTheFallbackWaitPassesWithoutAReload()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new ConversationHost(clock: clock).Start();
        await host.CreateAgentAsync("wang", "王芳", [Household]);
        await using var wang = await host.ConnectAgentAsync("wang");
        Assert.Empty((await wang.HelloAsync()).Queue);
        var id = await QueueTrafficVisitorAsync(host);

        // Queued for 交通 with only a 户政 agent online: not his to take yet.
        Assert.DoesNotContain((await wang.HelloAsync()).Queue, q => q.Id == id);
        var pushedBefore = wang.Queues.Count;

        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5));

        // Told over the connection he already has: the queue now holds it, and routing offers it to him.
        var queue = await wang.WaitForQueueAsync(q => q.Any(c => c.Id == id));
        Assert.True(wang.Queues.Count > pushedBefore);
        Assert.Equal(Traffic, queue.Single(c => c.Id == id).Department);
        Assert.Equal(Traffic, (await wang.WaitForOfferAsync(o => o.Id == id)).Department);
        var accepted = await wang.Connection.InvokeAsync<Summary>("Accept", id);
        Assert.Equal("withAgent", accepted.State);
    }

    [Fact]
    public async Task BeforeTheFallbackWaitTheOtherDepartmentsAgentIsNotToldOfIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new ConversationHost(clock: clock).Start();
        await host.CreateAgentAsync("wang", "王芳", [Household]);
        await using var wang = await host.ConnectAgentAsync("wang");
        await wang.HelloAsync();
        var id = await QueueTrafficVisitorAsync(host);

        clock.Advance(TimeSpan.FromMinutes(1));
        // A marker the watcher cannot have produced: a second visitor of his own department, queued after the advance.
        var own = await QueueHouseholdVisitorAsync(host);

        var queue = await wang.WaitForQueueAsync(q => q.Any(c => c.Id == own));
        Assert.DoesNotContain(queue, c => c.Id == id);
        Assert.DoesNotContain(wang.Offers, o => o.Id == id);
    }

    [Fact]
    public async Task AVisitorWaitingLongerThanTheOfferTimeMayLeaveAMessageOrKeepWaiting()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new ConversationHost(clock: clock, settings: new Dictionary<string, string>
        {
            // The fallback out of the way: only the ticket offer is under test here.
            ["Conversations:AnyDepartmentAfter"] = "01:00:00",
        }).Start();
        await host.CreateAgentAsync("wang", "王芳", [Household]);
        await using var wang = await host.ConnectAgentAsync("wang");
        await wang.HelloAsync();
        await using var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.SendAsync(id, "身份证丢了怎么补办");
        await visitor.SendAsync(id, "转人工");
        await visitor.WaitForAsync(m => m.Type == "queued");
        await wang.WaitForQueueAsync(q => q.Any(c => c.Id == id));

        clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(5));

        var offer = await visitor.WaitForAsync(m => m.Type == "offerTicket");
        Assert.True(offer.Data!.Value.GetProperty("keepWaiting").GetBoolean());
        Assert.Contains("继续等待", offer.Text);
        // Still queued: keeping on waiting needs nothing from the visitor.
        var view = await visitor.ResumeAsync(id, 0);
        Assert.Equal("queued", view.Conversation.State);
        Assert.Single(view.Messages, m => m.Type == "offerTicket");

        var pushed = wang.Queues.Count;
        await visitor.Connection.InvokeAsync("LeaveMessage", id, "我的身份证补办问题，请回电", "13800138000");
        await visitor.WaitForAsync(m => m.Type == "ticketCreated");
        Assert.Equal("ticket", (await visitor.ResumeAsync(id, 0)).Conversation.State);
        // Leaving the queue is a queue change the agent hears of at once, and the message waits among his tickets.
        await wang.WaitForQueueAsync(q => wang.Queues.Count > pushed && q.All(c => c.Id != id));
        Assert.Contains((await wang.HelloAsync()).Tickets, t => t.Id == id);
    }

    private static async Task<string> QueueTrafficVisitorAsync(ConversationHost host)
    {
        var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.AskAnsweredAsync(id, "驾驶证到期了怎么换证");
        await visitor.SendAsync(id, "转人工");
        var queued = await visitor.WaitForAsync(m => m.Type == "queued");
        Assert.Equal(Traffic, queued.Data!.Value.GetProperty("department").GetString());
        return id;
    }

    private static async Task<string> QueueHouseholdVisitorAsync(ConversationHost host)
    {
        var visitor = await host.ConnectVisitorAsync();
        var id = (await visitor.StartAsync()).Conversation.Id;
        await visitor.AskAnsweredAsync(id, "身份证丢了怎么补办");
        await visitor.SendAsync(id, "转人工");
        await visitor.WaitForAsync(m => m.Type == "queued");
        return id;
    }
}
