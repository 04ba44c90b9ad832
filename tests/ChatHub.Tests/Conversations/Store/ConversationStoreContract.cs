using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Insights;

namespace GovAssistant.ChatHub.Tests.Conversations.Store;

/// <summary>
/// What every conversation store must do, run on SQLite and on PostgreSQL by the two subclasses. <see cref="OpenStore"/>
/// may be called more than once: each call is another process (node) on the same database.
/// </summary>
public abstract class ConversationStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    protected abstract IConversationStore OpenStore();

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    private IConversationStore? _store;

    private IConversationStore Store => _store ??= OpenStore();

    private async Task<Conversation> NewAsync(string visitor = "v1", string channel = "web", DateTimeOffset? at = null)
    {
        var c = new Conversation(ConversationIds.New(), visitor, channel, at ?? T0);
        await Store.CreateAsync(c);
        return c;
    }

    private Task<ChatMessage> SayAsync(string conversationId, SenderKind sender, string text, string? data = null, bool push = false, string channel = "web") =>
        Store.AppendAsync(new NewMessage(conversationId, sender, null, null, text, T0.AddMinutes(1), channel, data, push));

    [Fact]
    public async Task A_saved_conversation_reads_back_with_every_field_and_its_version()
    {
        var c = await NewAsync();
        c.Enqueue("居住证", "公安局", T0.AddMinutes(1));
        c.Accept("agent-1", T0.AddMinutes(2));
        c.Invite("agent-2", T0.AddMinutes(3));
        await Store.SaveAsync(c);

        var back = await Store.GetAsync(c.Id);
        Assert.NotNull(back);
        Assert.Equal((ConversationState.WithAgent, "居住证", "公安局", 1L), (back.State, back.Category, back.Department, back.Version));
        Assert.Equal(["agent-1", "agent-2"], back.Agents);
        Assert.Equal((T0, T0.AddMinutes(3), T0.AddMinutes(1), T0.AddMinutes(2)), (back.CreatedAt, back.UpdatedAt, back.QueuedAt!.Value, back.AcceptedAt!.Value));
        Assert.Null(await Store.GetAsync("no-such-conversation"));
    }

    [Fact]
    public async Task A_stale_copy_cannot_overwrite_a_newer_save()
    {
        var c = await NewAsync();
        c.Enqueue(null, "民政局", T0);
        await Store.SaveAsync(c);
        var mine = (await Store.GetAsync(c.Id))!;
        var theirs = (await OpenStore().GetAsync(c.Id))!;

        theirs.Accept("agent-b", T0.AddMinutes(1));
        await Store.SaveAsync(theirs);
        mine.Accept("agent-a", T0.AddMinutes(1));

        var refused = await Assert.ThrowsAsync<ConversationConflictException>(() => Store.SaveAsync(mine));
        Assert.Equal(c.Id, refused.ConversationId);
        Assert.Equal(["agent-b"], (await Store.GetAsync(c.Id))!.Agents);
    }

    [Fact]
    public async Task Of_many_concurrent_saves_of_one_version_exactly_one_wins()
    {
        var c = await NewAsync();
        c.Enqueue(null, null, T0);
        await Store.SaveAsync(c);
        var stores = Enumerable.Range(0, 4).Select(_ => OpenStore()).ToList();
        var copies = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => stores[i % 4].GetAsync(c.Id)));

        var outcomes = await Task.WhenAll(copies.Select(async (copy, i) =>
        {
            copy!.Accept($"agent-{i}", T0.AddMinutes(1));
            try
            {
                await stores[i % 4].SaveAsync(copy);
                return copy.Agents[0];
            }
            catch (ConversationConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal([winner!], (await Store.GetAsync(c.Id))!.Agents);
    }

    [Fact]
    public async Task Concurrent_appends_from_several_stores_get_distinct_consecutive_numbers()
    {
        var c = await NewAsync();
        var stores = Enumerable.Range(0, 3).Select(_ => OpenStore()).ToList();

        var stored = await Task.WhenAll(Enumerable.Range(1, 30).Select(i =>
            stores[i % 3].AppendAsync(new NewMessage(c.Id, SenderKind.Visitor, "v1", "访客", $"第{i}条", T0, "web"))));

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), stored.Select(m => m.Seq).Order());
        var read = await Store.GetMessagesAsync(c.Id, 0, includeNotes: true);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), read.Select(m => m.Seq));
    }

    [Fact]
    public async Task Messages_read_after_a_sequence_number_leave_private_notes_out_for_visitors()
    {
        var c = await NewAsync();
        await SayAsync(c.Id, SenderKind.Visitor, "居住证怎么办？");
        await SayAsync(c.Id, SenderKind.Note, "内部备注", data: """{"type":"note"}""");
        await SayAsync(c.Id, SenderKind.Agent, "请带身份证。");

        var visitor = await Store.GetMessagesAsync(c.Id, 0, includeNotes: false);
        var agent = await Store.GetMessagesAsync(c.Id, 1, includeNotes: true, max: 1);

        Assert.Equal(["居住证怎么办？", "请带身份证。"], visitor.Select(m => m.Text));
        var note = Assert.Single(agent);
        Assert.Equal((2L, SenderKind.Note, """{"type":"note"}""", T0.AddMinutes(1)), (note.Seq, note.Sender, note.Data, note.At));
    }

    [Fact]
    public async Task Conversations_are_listed_by_state_visitor_and_exact_agent()
    {
        var queued = await NewAsync("v1", at: T0);
        queued.Enqueue(null, null, T0.AddMinutes(5));
        await Store.SaveAsync(queued);
        var taken = await NewAsync("v2", at: T0.AddMinutes(1));
        taken.Enqueue(null, null, T0.AddMinutes(2));
        taken.Accept("a1", T0.AddMinutes(3));
        await Store.SaveAsync(taken);
        var other = await NewAsync("v1", at: T0.AddMinutes(2));
        other.Enqueue(null, null, T0.AddMinutes(3));
        other.Accept("a10", T0.AddMinutes(4));
        await Store.SaveAsync(other);

        Assert.Equal([queued.Id], (await Store.ListAsync(new ConversationQuery([ConversationState.Queued]))).Select(c => c.Id));
        Assert.Equal([other.Id, queued.Id], (await Store.ListAsync(new ConversationQuery(VisitorId: "v1"))).Select(c => c.Id));
        Assert.Equal([taken.Id], (await Store.ListAsync(new ConversationQuery([ConversationState.WithAgent], AgentId: "a1"))).Select(c => c.Id));
        Assert.Single(await Store.ListAsync(new ConversationQuery(Max: 1)));
    }

    [Fact]
    public async Task The_bot_context_is_kept_with_the_conversation_and_can_be_cleared()
    {
        var c = await NewAsync();
        Assert.Null(await Store.GetBotContextAsync(c.Id));

        await Store.SaveBotContextAsync(c.Id, """{"topicCategory":"居住证","consecutiveNoAnswers":1}""");
        var seen = await OpenStore().GetBotContextAsync(c.Id);
        Assert.Contains("居住证", seen);
        Assert.Contains("\"consecutiveNoAnswers\":", seen!.Replace(" ", ""));

        await Store.SaveBotContextAsync(c.Id, null);
        Assert.Null(await Store.GetBotContextAsync(c.Id));
    }

    [Fact]
    public async Task Only_pushed_messages_enter_the_outbox_and_each_conversation_goes_out_in_order()
    {
        var one = await NewAsync("u1", "wechat");
        var two = await NewAsync("u2", "wechat");
        await SayAsync(one.Id, SenderKind.Visitor, "你好", channel: "wechat");
        await SayAsync(one.Id, SenderKind.Bot, "第一条", push: true, channel: "wechat");
        await SayAsync(one.Id, SenderKind.Bot, "第二条", push: true, channel: "wechat");
        await SayAsync(two.Id, SenderKind.Agent, "另一位", push: true, channel: "wechat");

        var first = await Store.ClaimOutboxAsync("wechat", "node-a", T0, T0.AddMinutes(2), 10);
        Assert.Equal([("u1", "第一条"), ("u2", "另一位")], first.Select(i => (i.VisitorId, i.Message.Text)));
        Assert.Empty(await OpenStore().ClaimOutboxAsync("wechat", "node-b", T0, T0.AddMinutes(2), 10));
        Assert.Empty(await Store.ClaimOutboxAsync("web", "node-a", T0, T0.AddMinutes(2), 10));

        foreach (var item in first) Assert.True(await Store.CompleteOutboxAsync(item.Id, "node-a", "sent", T0));
        var next = Assert.Single(await OpenStore().ClaimOutboxAsync("wechat", "node-b", T0, T0.AddMinutes(2), 10));
        Assert.Equal(("第二条", 3L), (next.Message.Text, next.Message.Seq));
    }

    [Fact]
    public async Task An_expired_claim_is_taken_by_another_sender_and_the_first_cannot_complete_it()
    {
        var c = await NewAsync("u1", "wechat");
        await SayAsync(c.Id, SenderKind.Bot, "答复", push: true, channel: "wechat");
        var dead = Assert.Single(await Store.ClaimOutboxAsync("wechat", "node-a", T0, T0.AddMinutes(2), 10));

        Assert.Empty(await Store.ClaimOutboxAsync("wechat", "node-b", T0.AddMinutes(1), T0.AddMinutes(3), 10));
        var taken = Assert.Single(await Store.ClaimOutboxAsync("wechat", "node-b", T0.AddMinutes(3), T0.AddMinutes(5), 10));

        Assert.Equal(dead.Id, taken.Id);
        Assert.False(await Store.CompleteOutboxAsync(dead.Id, "node-a", "sent", T0.AddMinutes(3)));
        Assert.True(await Store.CompleteOutboxAsync(taken.Id, "node-b", "sent", T0.AddMinutes(3)));
        Assert.Empty(await Store.ClaimOutboxAsync("wechat", "node-c", T0.AddHours(1), T0.AddHours(2), 10));
    }

    [Fact]
    public async Task Senders_claiming_at_once_never_claim_the_same_row()
    {
        for (var i = 0; i < 40; i++)
        {
            var c = await NewAsync($"u{i}", "wechat");
            await SayAsync(c.Id, SenderKind.Bot, $"答复{i}", push: true, channel: "wechat");
        }
        var stores = Enumerable.Range(0, 4).Select(_ => OpenStore()).ToList();

        var claims = await Task.WhenAll(stores.Select((s, n) => s.ClaimOutboxAsync("wechat", $"node-{n}", T0, T0.AddMinutes(2), 15)));

        var ids = claims.SelectMany(c => c).Select(i => i.Id).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
    }

    [Fact]
    public async Task Dashboard_facts_hold_the_period_s_conversations_open_tickets_and_their_milestones()
    {
        var inPeriod = await NewAsync("v1", at: T0);
        await SayAsync(inPeriod.Id, SenderKind.System, "排队", data: """{"type":"queued"}""");
        await SayAsync(inPeriod.Id, SenderKind.System, "接入", data: """{"type":"accepted"}""");
        await SayAsync(inPeriod.Id, SenderKind.Agent, "您好");
        await SayAsync(inPeriod.Id, SenderKind.System, "评价", data: """{"type":"rated"}""");
        var before = await NewAsync("v2", at: T0.AddDays(-10));
        var oldTicket = await NewAsync("v3", at: T0.AddDays(-10));
        oldTicket.LeaveTicket("138", T0.AddDays(-10));
        await Store.SaveAsync(oldTicket);

        var facts = await Store.ListFactsAsync(new InsightFilter(T0.AddDays(-1), T0.AddDays(1)));

        Assert.Equal([oldTicket.Id, inPeriod.Id], facts.Select(f => f.Id));
        Assert.DoesNotContain(facts, f => f.Id == before.Id);
        var fact = facts[1];
        Assert.Equal(["queued", "accepted", "agent"], fact.Milestones.Select(m => m.Kind));
        Assert.Equal((T0, T0.AddMinutes(1)), (fact.CreatedAt, fact.Milestones[0].At));
        Assert.Empty(await Store.ListFactsAsync(new InsightFilter(T0.AddDays(-1), T0.AddDays(1), Channel: "wechat", Department: "无")));
    }
}

/// <summary>The contract on SQLite (the default, one file; several stores on it are several processes).</summary>
public sealed class SqliteConversationStoreTests : ConversationStoreContract
{
    private readonly SqliteStores _stores = new();

    protected override IConversationStore OpenStore() => _stores.Open();

    public override Task InitializeAsync() => Task.CompletedTask;

    public override async Task DisposeAsync() => await _stores.DisposeAsync();
}

/// <summary>The contract on PostgreSQL (a throwaway database per test; several stores on it are several nodes).</summary>
public sealed class PostgresConversationStoreTests : ConversationStoreContract
{
    private PostgresStores _stores = null!;

    protected override IConversationStore OpenStore() => _stores.Open();

    public override async Task InitializeAsync() => _stores = await PostgresStores.CreateAsync();

    public override async Task DisposeAsync() => await _stores.DisposeAsync();
}
