namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// Document frequencies of words, bigrams and characters over all indexed phrasings, giving the
/// inverse document frequency that weights rare terms (居住证) above common ones (办理, 怎么). Every term it has
/// seen also has a number, so that the re-ranker compares a question with phrasings by numbers, not strings.
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int> _df = [];
    private int _documents;

    /// <summary>Counts one phrasing's distinct terms.</summary>
    public void Add(IEnumerable<string> distinctTerms)
    {
        _documents++;
        foreach (var t in distinctTerms) _df[Register(t)]++;
    }

    /// <summary>Gives <paramref name="term"/> a number without counting it (a word of an answer, not of a phrasing).</summary>
    public int Register(string term)
    {
        if (_ids.TryGetValue(term, out var id)) return id;
        _ids.Add(term, id = _df.Count);
        _df.Add(0);
        return id;
    }

    /// <summary>The number of <paramref name="term"/>, or -1 when it was never seen (then it matches no phrasing).</summary>
    public int IdOf(string term) => _ids.GetValueOrDefault(term, -1);

    /// <summary>The numbers of <paramref name="terms"/> (see <see cref="IdOf"/>).</summary>
    public int[] IdsOf(string[] terms)
    {
        var ids = new int[terms.Length];
        for (var i = 0; i < terms.Length; i++) ids[i] = IdOf(terms[i]);
        return ids;
    }

    /// <summary>BM25-style IDF, always positive; a term never seen gets the highest weight.</summary>
    public double Idf(string term) => IdfOfCount(_ids.TryGetValue(term, out var id) ? _df[id] : 0);

    /// <summary>IDF of the term numbered <paramref name="id"/> (-1: never seen).</summary>
    public double IdfOfId(int id) => IdfOfCount(id >= 0 ? _df[id] : 0);

    private double IdfOfCount(int df) => Math.Log(1 + (_documents - df + 0.5) / (df + 0.5));

    /// <summary>IDF of each of the terms numbered <paramref name="ids"/>.</summary>
    public double[] IdfOf(int[] ids)
    {
        var idf = new double[ids.Length];
        for (var i = 0; i < ids.Length; i++) idf[i] = IdfOfId(ids[i]);
        return idf;
    }

    /// <summary>True when some counted phrasing holds <paramref name="term"/>.</summary>
    public bool Contains(string term) => _ids.TryGetValue(term, out var id) && _df[id] > 0;

    /// <summary>Number of phrasings counted.</summary>
    public int Documents => _documents;
}
