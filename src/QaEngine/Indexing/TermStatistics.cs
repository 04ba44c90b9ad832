namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// Document frequencies of words, bigrams and characters over all indexed phrasings, giving the
/// inverse document frequency that weights rare terms (居住证) above common ones (办理, 怎么).
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    private int _documents;

    /// <summary>Counts one phrasing's distinct terms.</summary>
    public void Add(IEnumerable<string> distinctTerms)
    {
        _documents++;
        foreach (var t in distinctTerms) _df[t] = _df.GetValueOrDefault(t) + 1;
    }

    /// <summary>BM25-style IDF, always positive; a term never seen gets the highest weight.</summary>
    public double Idf(string term)
    {
        var df = _df.GetValueOrDefault(term);
        return Math.Log(1 + (_documents - df + 0.5) / (df + 0.5));
    }

    /// <summary>IDF of each of <paramref name="terms"/>.</summary>
    public double[] IdfOf(string[] terms)
    {
        var idf = new double[terms.Length];
        for (var i = 0; i < terms.Length; i++) idf[i] = Idf(terms[i]);
        return idf;
    }

    /// <summary>True when some counted phrasing holds <paramref name="term"/>.</summary>
    public bool Contains(string term) => _df.ContainsKey(term);

    /// <summary>Number of phrasings counted.</summary>
    public int Documents => _documents;
}
