using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Indexing;

namespace GovAssistant.QaEngine.Ranking;

/// <summary>
/// The question prepared once for comparison with many phrasings: its terms with their IDF in the current
/// bank, for words, bigrams and characters.
/// </summary>
public sealed class QueryProfile
{
    /// <summary>Prepares <paramref name="query"/> against the statistics of <paramref name="bank"/>.</summary>
    public QueryProfile(AnalyzedText query, IndexedBank bank)
    {
        Text = query;
        Words = new WeightedTerms(query.Words, bank.Words);
        Bigrams = new WeightedTerms(query.Bigrams, bank.Bigrams);
        Chars = new WeightedTerms(query.Chars, bank.Chars);
        Compact = query.Compact;
        HasNegation = Compact.Contains('不') || Compact.Contains('没');
    }

    /// <summary>The analysed question.</summary>
    public AnalyzedText Text { get; }

    /// <summary>Words with IDF.</summary>
    public WeightedTerms Words { get; }

    /// <summary>Bigrams with IDF.</summary>
    public WeightedTerms Bigrams { get; }

    /// <summary>Characters with IDF.</summary>
    public WeightedTerms Chars { get; }

    /// <summary>Normalised text without spaces.</summary>
    public string Compact { get; }

    /// <summary>True when the question contains 不 or 没 (a negation changes the intent: 能办 vs 不能办).</summary>
    public bool HasNegation { get; }
}

/// <summary>A set of distinct terms with their IDF and the bank statistics they came from.</summary>
public sealed class WeightedTerms
{
    private readonly Dictionary<string, double> _idf;

    /// <summary>Weighs <paramref name="terms"/> with <paramref name="stats"/>.</summary>
    public WeightedTerms(string[] terms, TermStatistics stats)
    {
        Stats = stats;
        _idf = new Dictionary<string, double>(terms.Length, StringComparer.Ordinal);
        foreach (var t in terms)
        {
            var w = stats.Idf(t);
            _idf[t] = w;
            Total += w;
            TotalSquared += w * w;
        }
    }

    /// <summary>The statistics used for the other side's terms.</summary>
    public TermStatistics Stats { get; }

    /// <summary>Sum of the terms' IDF.</summary>
    public double Total { get; }

    /// <summary>Sum of the terms' squared IDF.</summary>
    public double TotalSquared { get; }

    /// <summary>Number of distinct terms.</summary>
    public int Count => _idf.Count;

    /// <summary>True when the term is present; gives its IDF.</summary>
    public bool TryGet(string term, out double idf) => _idf.TryGetValue(term, out idf);

    /// <summary>Share of the terms' IDF weight present in <paramref name="other"/>.</summary>
    public double CoverageBy(string[] other)
    {
        if (Total <= 0) return 0;
        var matched = 0.0;
        foreach (var t in other) if (_idf.TryGetValue(t, out var w)) matched += w;
        return matched / Total;
    }

    /// <summary>The largest IDF among the terms absent from <paramref name="other"/> (a short array: a linear scan is cheapest).</summary>
    public double MaxMissingFrom(string[] other)
    {
        var max = 0.0;
        foreach (var (t, w) in _idf) if (w > max && Array.IndexOf(other, t) < 0) max = w;
        return max;
    }
}
