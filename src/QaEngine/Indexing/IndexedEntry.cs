using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// A bank entry with its phrasings analysed (index 0 is the standard question, then the similar questions), the
/// distinct words of all phrasings together, and the distinct words of the answer.
/// </summary>
public sealed record IndexedEntry(FaqEntry Entry, AnalyzedText[] Phrasings, string[] AllPhrasingWords, string[] AnswerWords)
{
    /// <summary>True when <paramref name="other"/> has the same phrasings, so its analysis can be reused.</summary>
    public bool HasSamePhrasingsAs(FaqEntry other) =>
        Entry.Question == other.Question && Entry.SimilarQuestions.SequenceEqual(other.SimilarQuestions);
}
