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

/// <summary>A set of distinct terms with their IDF, each with a position so matches can be marked without hashing twice.</summary>
public sealed class WeightedTerms
{
    private readonly Dictionary<string, int> _position;

    /// <summary>Weighs <paramref name="terms"/> with <paramref name="stats"/>.</summary>
    public WeightedTerms(string[] terms, TermStatistics stats)
    {
        _position = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        var idf = new List<double>(terms.Length);
        foreach (var t in terms)
        {
            if (!_position.TryAdd(t, idf.Count)) continue;
            var w = stats.Idf(t);
            idf.Add(w);
            Total += w;
            TotalSquared += w * w;
        }
        Idf = [.. idf];
    }

    /// <summary>IDF of each distinct term, by position.</summary>
    public double[] Idf { get; }

    /// <summary>Sum of the terms' IDF.</summary>
    public double Total { get; }

    /// <summary>Sum of the terms' squared IDF.</summary>
    public double TotalSquared { get; }

    /// <summary>Number of distinct terms.</summary>
    public int Count => Idf.Length;

    /// <summary>The position of <paramref name="term"/>, or -1 when the question does not contain it.</summary>
    public int PositionOf(string term) => _position.TryGetValue(term, out var i) ? i : -1;

    /// <summary>Share of the terms' IDF weight present in <paramref name="other"/>.</summary>
    public double CoverageBy(string[] other)
    {
        if (Total <= 0) return 0;
        var matched = 0.0;
        foreach (var t in other) if (_position.TryGetValue(t, out var i)) matched += Idf[i];
        return matched / Total;
    }
}
