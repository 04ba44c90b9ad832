using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// A bank entry with its phrasings analysed (index 0 is the standard question, then the similar questions), the
/// distinct words of all phrasings together, and the distinct words of the answer.
/// </summary>
public sealed record IndexedEntry(FaqEntry Entry, AnalyzedText[] Phrasings, string[] AllPhrasingWords, string[] AnswerWords)
{
    /// <summary>
    /// IDF of every term of every phrasing in the bank this entry belongs to, aligned with <see cref="Phrasings"/>:
    /// computed once per publish so that ranking does no logarithm on the request path.
    /// </summary>
    public PhrasingWeights[] Weights { get; init; } = [];

    /// <summary>True when <paramref name="other"/> has the same phrasings, so its analysis can be reused.</summary>
    public bool HasSamePhrasingsAs(FaqEntry other) =>
        Entry.Question == other.Question && Entry.SimilarQuestions.SequenceEqual(other.SimilarQuestions);
}

/// <summary>IDF of each word, bigram and character of one phrasing, in the order of its <see cref="AnalyzedText"/> arrays.</summary>
public sealed record PhrasingWeights(double[] Words, double[] Bigrams, double[] Chars);
