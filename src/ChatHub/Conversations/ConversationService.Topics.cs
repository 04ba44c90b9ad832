using GovAssistant.ChatHub.Agents;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Conversations;

public sealed partial class ConversationService
{
    /// <summary>
    /// An agent corrects the topic a conversation was routed by. Allowed to an agent in it, a supervisor, or (while it
    /// waits in the queue or as a ticket) an agent of its department. Colleagues see a private note; a queued one is
    /// routed again by its new department.
    /// </summary>
    /// <returns>The conversation and the category and department it had before.</returns>
    public Task<(Conversation Conversation, string? FromCategory, string? FromDepartment)> RecategoriseAsync(
        string conversationId, AgentProfile agent, string? category, string? department, CancellationToken ct = default) =>
        WithLockAsync(conversationId, async () =>
        {
            var c = await GetForAgentAsync(conversationId, agent, ct);
            if (c.State == ConversationState.WithAgent && !agent.SeesAll && !c.Agents.Contains(agent.Id)) throw new ConversationAccessException();
            var (fromCategory, fromDepartment) = (c.Category, c.Department);
            c.Recategorise(category, department, time.GetUtcNow());
            await SaveAsync(c, ct);
            await AddAsync(c, SenderKind.Note, agent.Id, agent.Name,
                $"{agent.Name} 将分类由“{Label(fromCategory, fromDepartment)}”改为“{Label(category, department)}”。",
                new { type = "recategorised", category, department, fromCategory, fromDepartment }, ct);
            if (c.State == ConversationState.Queued && fromDepartment != department)
            {
                await NotifyQueueAsync(ct);
                await OfferAsync(c, ct);
            }
            return (c, fromCategory, fromDepartment);
        });

    private static string Label(string? category, string? department) => $"{category ?? "未分类"} / {department ?? "未指定部门"}";

    private void NoteTurn(string conversationId, AnswerResult result)
    {
        switch (result.Decision)
        {
            case AnswerDecision.Answered:
                contexts.NoteTurn(conversationId, answered: true);
                break;
            case AnswerDecision.Clarify or AnswerDecision.NoAnswer:
                // A clarification names a topic when most of its choices share one; choices scattered over several
                // topics, or no answer at all, name none (routing by them would be chance): the agent re-categorises.
                var topics = result.Decision == AnswerDecision.Clarify
                    ? result.Choices.Select(c => engine.FindEntry(c.Id)).OfType<KnowledgeBase.FaqEntry>().Select(e => (e.Category, e.Department)).ToList()
                    : [];
                var shared = topics.GroupBy(t => t).FirstOrDefault(g => g.Count() * 2 > topics.Count)?.Key;
                contexts.NoteTurn(conversationId, answered: false, shared?.Category, shared?.Department);
                break;
        }
    }
}
