using System.Text;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Privacy;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// The model proposes, an editor reviews: new phrasings for an entry, or a new entry from a cluster of unanswered
/// questions (with the agents' replies in those conversations). Either way the result is a pending draft in the
/// existing review — authored by <c>model:&lt;name&gt;</c> on behalf of the staff member who asked, so four-eyes review
/// holds — and nothing reaches the bank until a reviewer publishes it.
/// </summary>
public sealed class BankAuthoring(IAssistModel model, IBankStore store, IConversationStore conversations)
{
    /// <summary>The draft author for the configured model.</summary>
    public string Author => $"model:{model.Name}";

    /// <summary>A draft adding 5–10 new citizen phrasings to <paramref name="entry"/>, or null when the model gave too few.</summary>
    public async Task<EntryDraft?> ProposePhrasingsAsync(FaqEntry entry, string requestedBy, CancellationToken ct)
    {
        if (!model.IsOn) return null;
        var prompt = PromptLibrary.Render("similar-questions", new Dictionary<string, string>
        {
            ["question"] = entry.Question,
            ["similar"] = string.Join("\n", entry.SimilarQuestions.Select(q => "- " + q)),
            ["answer"] = entry.Answer.Length > 600 ? entry.Answer[..600] + "…" : entry.Answer,
        }, [entry.Id], json: true);
        if (ModelJson.Object(await model.CompleteAsync(prompt, ct)) is not { } o) return null;
        var known = new HashSet<string>(entry.SimilarQuestions.Append(entry.Question), StringComparer.Ordinal);
        var fresh = ModelJson.Strings(o, "questions").Select(PiiMasker.Mask).Where(q => q.Length is >= 4 and <= 100 && known.Add(q)).Take(10).ToList();
        if (fresh.Count < 5) return null;
        return await store.CreateDraftAsync(entry.Id, new DraftChanges { AddSimilarQuestions = fresh }, DraftOrigin.Editor,
            $"模型（{model.Name}）建议的 {fresh.Count} 个相似问法，由 {requestedBy} 请求；请逐条核对后发布。", Author, cancellationToken: ct);
    }

    /// <summary>A draft of a new entry for a cluster of unanswered <paramref name="questions"/>, or null.</summary>
    public async Task<EntryDraft?> ProposeEntryAsync(IReadOnlyList<string> questions, IReadOnlyList<string> conversationIds, string requestedBy, CancellationToken ct)
    {
        if (!model.IsOn || questions.Count == 0) return null;
        var prompt = PromptLibrary.Render("cluster-entry", new Dictionary<string, string>
        {
            ["questions"] = string.Join("\n", questions.Take(20).Select(q => "- " + q)),
            ["replies"] = await AgentRepliesAsync(conversationIds, ct),
        }, json: true);
        if (ModelJson.Object(await model.CompleteAsync(prompt, ct)) is not { } o || ModelJson.String(o, "question") is not { } question) return null;
        var similar = ModelJson.Strings(o, "similarQuestions").Concat(questions).Select(PiiMasker.Mask)
            .Where(q => q.Length is >= 2 and <= 200 && q != question).Distinct().Take(15).ToList();
        var changes = new DraftChanges
        {
            Question = PiiMasker.Mask(question),
            SimilarQuestions = similar,
            Answer = ModelJson.String(o, "answer") is { } a ? PiiMasker.Mask(a) : null,
            Category = ModelJson.String(o, "category"),
        };
        return await store.CreateDraftAsync(null, changes, DraftOrigin.Cluster,
            $"模型（{model.Name}）根据 {questions.Count} 个未解答问题起草，由 {requestedBy} 请求；答案须按政策原文核实。", Author, cancellationToken: ct);
    }

    private async Task<string> AgentRepliesAsync(IReadOnlyList<string> conversationIds, CancellationToken ct)
    {
        var text = new StringBuilder();
        foreach (var id in conversationIds.Distinct().Take(10))
        {
            var messages = await conversations.GetMessagesAsync(id, 0, includeNotes: false, cancellationToken: ct);
            foreach (var m in messages.Where(m => m.Sender == SenderKind.Agent).Take(5))
                text.Append("- ").Append(m.Text.Length > 300 ? m.Text[..300] + "…" : m.Text.ReplaceLineEndings(" ")).Append('\n');
        }
        return text.Length == 0 ? "（无）" : text.ToString();
    }
}
