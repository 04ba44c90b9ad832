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
        Subsequence = SubsequencePattern.Of(Compact);
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

    /// <summary>The compact text prepared for longest common subsequences with phrasings.</summary>
    public SubsequencePattern Subsequence { get; }

    /// <summary>True when the question contains 不 or 没 (a negation changes the intent: 能办 vs 不能办).</summary>
    public bool HasNegation { get; }
}

/// <summary>
/// A set of distinct terms with their IDF, each with a position so matches can be marked without hashing twice, and
/// found by the number the bank's statistics give the term (a phrasing is compared by numbers, not strings). A term
/// the bank never saw keeps its weight and position but can match nothing.
/// </summary>
public sealed class WeightedTerms
{
    // Open addressing: term number → position; -1 marks an empty slot (terms the bank never saw are not in it).
    private readonly int[] _slotIds;
    private readonly int[] _slotPositions;
    private readonly int _mask;

    /// <summary>Weighs <paramref name="terms"/> with <paramref name="stats"/>.</summary>
    public WeightedTerms(string[] terms, TermStatistics stats)
    {
        var idf = new double[terms.Length];
        var size = 8;
        while (size < terms.Length * 2) size *= 2;
        _mask = size - 1;
        _slotIds = new int[size];
        _slotPositions = new int[size];
        Array.Fill(_slotIds, -1);
        var count = 0;
        List<string>? unseen = null;
        foreach (var t in terms)
        {
            // Analysed text is distinct already; a repeat is skipped all the same (by number, or by text if unseen).
            var id = stats.IdOf(t);
            if (id >= 0 ? !Put(id, count) : (unseen ??= []).Contains(t)) continue;
            if (id < 0) unseen!.Add(t);
            var w = stats.IdfOfId(id);
            idf[count++] = w;
            Total += w;
            TotalSquared += w * w;
        }
        Idf = count == idf.Length ? idf : idf[..count];
        var order = new int[Idf.Length];
        var keys = new double[Idf.Length];
        for (var i = 0; i < order.Length; i++) (order[i], keys[i]) = (i, -Idf[i]);
        // Only the weight of the first unmatched term is ever read, so the order of equal weights does not matter.
        Array.Sort(keys, order);
        ByWeightDescending = order;
    }

    /// <summary>Positions of the terms, heaviest first: the heaviest term a phrasing lacks is the first unmatched one here.</summary>
    public int[] ByWeightDescending { get; }

    /// <summary>IDF of each distinct term, by position.</summary>
    public double[] Idf { get; }

    /// <summary>Sum of the terms' IDF.</summary>
    public double Total { get; }

    /// <summary>Sum of the terms' squared IDF.</summary>
    public double TotalSquared { get; }

    /// <summary>Number of distinct terms.</summary>
    public int Count => Idf.Length;

    /// <summary>The position of the term numbered <paramref name="id"/> in the bank's statistics, or -1.</summary>
    public int PositionOf(int id)
    {
        if (id < 0) return -1;
        for (var i = Slot(id); ; i = (i + 1) & _mask)
        {
            var at = _slotIds[i];
            if (at == id) return _slotPositions[i];
            if (at < 0) return -1;
        }
    }

    /// <summary>Share of the terms' IDF weight present in the terms numbered <paramref name="ids"/>.</summary>
    public double CoverageBy(int[] ids)
    {
        if (Total <= 0) return 0;
        var matched = 0.0;
        foreach (var id in ids) if (PositionOf(id) is var i and >= 0) matched += Idf[i];
        return matched / Total;
    }

    private int Slot(int id) => (int)((uint)id * 2654435769u >> 7) & _mask;

    // False when the number is in the table already.
    private bool Put(int id, int position)
    {
        var i = Slot(id);
        for (; _slotIds[i] >= 0; i = (i + 1) & _mask)
            if (_slotIds[i] == id) return false;
        _slotIds[i] = id;
        _slotPositions[i] = position;
        return true;
    }
}
