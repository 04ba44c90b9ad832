using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>
/// Conversations stay correct when two nodes serve them: one winner when agents on both accept at once, and the bot's
/// memory of the conversation continued by whichever node hears the next question.
/// </summary>
public sealed class TwoNodeConversationTests
{
    private const string OwnCase = "我的社保这个月为什么没扣";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Agents_on_two_nodes_accepting_one_queued_conversation_leave_exactly_one_winner_every_time(string provider)
    {
        await using var nodes = await TwoNodes.StartAsync(provider);
        var store = TwoNodes.Store(nodes.A);
        var contenders = new[]
        {
            (Service: TwoNodes.Service(nodes.A), Agent: new AgentProfile("agent-a", "甲", [], ["agent"], 1000)),
            (Service: TwoNodes.Service(nodes.B), Agent: new AgentProfile("agent-b", "乙", [], ["agent"], 1000)),
        };

        for (var round = 0; round < 100; round++)
        {
            var now = DateTimeOffset.UtcNow;
            var queued = new Conversation(ConversationIds.New(), $"visitor-{round}", "web", now);
            queued.Enqueue(null, null, now);
            await store.CreateAsync(queued);

            var outcomes = await Task.WhenAll(contenders.Select(c => Task.Run(async () =>
            {
                try
                {
                    await c.Service.AcceptAsync(queued.Id, c.Agent);
                    return (Winner: c.Agent.Id, Refusal: (string?)null);
                }
                catch (IllegalTransitionException e)
                {
                    return (Winner: (string?)null, Refusal: e.Message);
                }
            })));

            var winner = Assert.Single(outcomes, o => o.Winner is not null).Winner;
            Assert.Equal("该会话已被其他坐席接入", Assert.Single(outcomes, o => o.Refusal is not null).Refusal);
            Assert.Equal([winner!], (await TwoNodes.Store(nodes.B).GetAsync(queued.Id))!.Agents);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_second_miss_answered_on_the_other_node_counts_the_first_and_brings_a_person_in(string provider)
    {
        await using var nodes = await TwoNodes.StartAsync(provider);
        var c = await TwoNodes.Service(nodes.A).StartAsync("visitor-1", "web");

        var first = await TwoNodes.Service(nodes.A).VisitorSaysAsync(c.Id, "visitor-1", OwnCase);
        var second = await TwoNodes.Service(nodes.B).VisitorSaysAsync(c.Id, "visitor-1", OwnCase);

        Assert.Contains(first, m => m.Sender == SenderKind.Bot && m.Data!.Contains("\"decision\":\"noAnswer\""));
        Assert.DoesNotContain(first, IsTicketOffer);
        Assert.Contains(second, IsTicketOffer);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_thumbs_down_given_on_one_node_brings_a_person_in_at_the_next_question_on_the_other(string provider)
    {
        await using var nodes = await TwoNodes.StartAsync(provider);
        var a = TwoNodes.Service(nodes.A);
        var c = await a.StartAsync("visitor-1", "web");
        var answer = (await a.VisitorSaysAsync(c.Id, "visitor-1", "身份证丢了怎么补办")).Single(m => m.Sender == SenderKind.Bot);

        await a.FeedbackAsync(c.Id, "visitor-1", answer.Seq, helpful: false);
        var next = await TwoNodes.Service(nodes.B).VisitorSaysAsync(c.Id, "visitor-1", "居住证怎么办理");

        Assert.Contains("\"decision\":\"answered\"", answer.Data);
        Assert.Contains(next, IsTicketOffer);
    }

    private static bool IsTicketOffer(ChatMessage m) => m.Sender == SenderKind.System && m.Data is { } d && d.Contains("\"type\":\"offerTicket\"");
}
