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

    /// <summary>The numbers of <see cref="AllPhrasingWords"/> in the word statistics of this entry's bank.</summary>
    public int[] AllPhrasingWordIds { get; init; } = [];

    /// <summary>The numbers of <see cref="AnswerWords"/> in the word statistics of this entry's bank.</summary>
    public int[] AnswerWordIds { get; init; } = [];

    /// <summary>True when <paramref name="other"/> has the same phrasings, so its analysis can be reused.</summary>
    public bool HasSamePhrasingsAs(FaqEntry other) =>
        Entry.Question == other.Question && Entry.SimilarQuestions.SequenceEqual(other.SimilarQuestions);
}

/// <summary>
/// IDF and number of each word, bigram and character of one phrasing, in the order of its <see cref="AnalyzedText"/>
/// arrays (numbers from the bank's <see cref="TermStatistics"/>).
/// </summary>
public sealed record PhrasingWeights(double[] Words, double[] Bigrams, double[] Chars, int[] WordIds, int[] BigramIds, int[] CharIds)
{
    /// <summary>The weights and numbers of <paramref name="phrasing"/> in a bank's statistics.</summary>
    public static PhrasingWeights Of(AnalyzedText phrasing, TermStatistics words, TermStatistics bigrams, TermStatistics chars)
    {
        var (w, b, c) = (words.IdsOf(phrasing.Words), bigrams.IdsOf(phrasing.Bigrams), chars.IdsOf(phrasing.Chars));
        return new(words.IdfOf(w), bigrams.IdfOf(b), chars.IdfOf(c), w, b, c);
    }
}
