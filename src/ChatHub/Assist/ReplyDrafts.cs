using System.Text;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Assist;

/// <summary>A reply the agent may edit and send: its text and the bank entries it cites (all among those retrieved).</summary>
public sealed record ReplyDraft(string Text, IReadOnlyList<string> CitedIds, IReadOnlyList<string> RetrievedIds);

/// <summary>
/// Drafts the agent's reply to the visitor's last message from the bank entries the engine retrieves for it, and
/// only from them: the prompt quotes those entries, the model must cite their ids, and a draft that cites none of
/// them (or only others) is thrown away. Nothing is sent: the console fills the agent's input box, the agent sends.
/// </summary>
public sealed partial class ReplyDrafts(IAssistModel model, IConversationStore store, AnswerEngine engine)
{
    private const int Entries = 3;

    /// <summary>A draft for the conversation's last visitor message, or null (model off or failing, nothing to go on).</summary>
    public async Task<ReplyDraft?> DraftAsync(string conversationId, CancellationToken ct)
    {
        if (!model.IsOn) return null;
        var messages = await store.GetMessagesAsync(conversationId, 0, includeNotes: false, cancellationToken: ct);
        var asked = messages.Where(m => m.Sender == SenderKind.Visitor).TakeLast(2).Select(m => m.Text).ToList();
        if (asked.Count == 0) return null;
        var entries = engine.Suggest(string.Join(" ", asked), Entries).Select(c => engine.FindEntry(c.Id)).OfType<FaqEntry>().ToList();
        if (entries.Count == 0) return null;

        var ids = entries.Select(e => e.Id).ToList();
        var prompt = PromptLibrary.Render("reply-draft", new Dictionary<string, string>
        {
            ["transcript"] = HandoffSummaries.Transcript(messages.TakeLast(8).ToList()),
            ["question"] = asked[^1],
            ["entries"] = Quote(entries),
        }, ids);
        var text = await model.CompleteAsync(prompt, ct);
        if (text is null) return null;
        var cited = Citation().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        // A draft must rest on what was retrieved: citing nothing, or an id it was not given, means it made things up.
        if (cited.Count == 0 || cited.Any(id => !ids.Contains(id))) return null;
        return new ReplyDraft(text, cited, ids);
    }

    /// <summary>The entries as the prompt quotes them: id, standard question, answer (cut to 800 characters), department.</summary>
    internal static string Quote(IEnumerable<FaqEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            var answer = e.Answer.Length > 800 ? e.Answer[..800] + "…" : e.Answer;
            text.Append($"[{e.Id}] 问：{e.Question}\n答：{answer}\n");
            if (!string.IsNullOrEmpty(e.Department)) text.Append($"承办部门：{e.Department}\n");
            text.Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    [GeneratedRegex(@"\[([A-Za-z0-9][A-Za-z0-9_\-]{0,40})\]")]
    private static partial Regex Citation();
}
