using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// A proposal for the bank drawn from what visitors did: a phrasing to add as a similar question of an entry
/// (<c>similar</c>: the visitor picked that entry after "您是不是想问", or gave its answer a 👍), or an answer to
/// review (<c>review</c>: it got a 👎). Never applied by itself: an editor accepts (a draft through the bank's
/// drafts API) or rejects it.
/// </summary>
/// <param name="Kind">similar or review.</param>
/// <param name="EntryId">The bank entry concerned.</param>
/// <param name="EntryQuestion">Its standard question (as published now).</param>
/// <param name="Question">The visitor's phrasing (masked).</param>
/// <param name="Count">How many times it happened.</param>
/// <param name="QuestionIds">The question-log rows behind it, to resolve them all at once.</param>
/// <param name="Reason">Why it is proposed, in Chinese.</param>
public sealed record BankSuggestion(string Kind, string EntryId, string? EntryQuestion, string Question, int Count, IReadOnlyList<long> QuestionIds, string Reason);

/// <summary>Finds the open suggestions among logged questions.</summary>
public sealed class SuggestionFinder(AnswerEngine engine)
{
    /// <summary>Open suggestions among <paramref name="questions"/>, most frequent first.</summary>
    public IReadOnlyList<BankSuggestion> Of(IEnumerable<LoggedQuestion> questions)
    {
        var signals = new List<(string Kind, string EntryId, string Question, long Id, string Reason)>();
        foreach (var q in questions.Where(q => q.SuggestionStatus is null))
        {
            if (q.PickedEntryId is not null)
                signals.Add(("similar", q.PickedEntryId, q.Question, q.Id, "访客在“您是不是想问”中选择了该条目"));
            else if (q.Feedback == 1 && q.EntryId is not null && Plain(q.Question) != Plain(q.EntryQuestion))
                signals.Add(("similar", q.EntryId, q.Question, q.Id, "访客对该问法的答案点了 👍"));
            if (q.Feedback == -1 && q.EntryId is not null)
                signals.Add(("review", q.EntryId, q.Question, q.Id, "访客对答案点了 👎，请复核答案"));
        }
        return signals
            .GroupBy(s => (s.Kind, s.EntryId, Question: s.Question.Trim()))
            .Select(g => new BankSuggestion(g.Key.Kind, g.Key.EntryId, engine.FindEntry(g.Key.EntryId)?.Question, g.Key.Question, g.Count(),
                [.. g.Select(s => s.Id).Distinct().Order()], g.First().Reason))
            // A phrasing that is already the entry's question needs nothing.
            .Where(s => s.Kind == "review" || Plain(s.Question) != Plain(s.EntryQuestion))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.QuestionIds[0])
            .ToList();
    }

    private static string Plain(string? s) => (s ?? "").Trim().TrimEnd('？', '?', '。', '！', '!', ' ');
}
