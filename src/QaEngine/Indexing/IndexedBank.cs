using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// The in-memory side of one published snapshot: every entry with its analysed phrasings, and the term
/// statistics the re-ranker weighs with. Immutable after construction, swapped as a whole on publish.
/// </summary>
public sealed class IndexedBank
{
    private readonly Dictionary<string, IndexedEntry> _entries;

    private IndexedBank(Dictionary<string, IndexedEntry> entries, TermStatistics words, TermStatistics bigrams, TermStatistics chars, long revision)
    {
        _entries = entries;
        Words = words;
        Bigrams = bigrams;
        Chars = chars;
        Revision = revision;
    }

    /// <summary>An empty bank (before the first publish).</summary>
    public static IndexedBank Empty { get; } = new([], new(), new(), new(), 0);

    /// <summary>Word statistics.</summary>
    public TermStatistics Words { get; }

    /// <summary>Character bigram statistics.</summary>
    public TermStatistics Bigrams { get; }

    /// <summary>Single character statistics.</summary>
    public TermStatistics Chars { get; }

    /// <summary>Revision of the snapshot this bank was built from.</summary>
    public long Revision { get; }

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Looks an entry up by id.</summary>
    public IndexedEntry? Find(string id) => _entries.GetValueOrDefault(id);

    /// <summary>All entries.</summary>
    public IEnumerable<IndexedEntry> All => _entries.Values;

    /// <summary>
    /// Builds the bank from a snapshot, reusing the analysis of entries that did not change since
    /// <paramref name="previous"/> (same phrasings), so a publish costs in proportion to what changed.
    /// </summary>
    public static IndexedBank Build(BankSnapshot snapshot, TextAnalysis analysis, IndexedBank? previous = null)
    {
        var entries = new Dictionary<string, IndexedEntry>(snapshot.Entries.Count, StringComparer.Ordinal);
        var analysed = new IndexedEntry[snapshot.Entries.Count];
        Parallel.For(0, snapshot.Entries.Count, i =>
        {
            var entry = snapshot.Entries[i];
            var old = previous?.Find(entry.Id);
            analysed[i] = old is not null && old.HasSamePhrasingsAs(entry) && old.Entry.Answer == entry.Answer ? old with { Entry = entry } : Analyse(entry, analysis);
        });
        TermStatistics words = new(), bigrams = new(), chars = new();
        foreach (var e in analysed)
        {
            if (!entries.TryAdd(e.Entry.Id, e)) continue; // the store guarantees unique ids; first one wins otherwise
            foreach (var p in e.Phrasings)
            {
                words.Add(p.Words);
                bigrams.Add(p.Bigrams);
                chars.Add(p.Chars);
            }
        }
        // Answer words get numbers too (never counted), so a question word found only in an answer still matches it.
        foreach (var e in entries.Values)
            foreach (var w in e.AnswerWords) words.Register(w);
        foreach (var (id, e) in entries)
        {
            entries[id] = e with
            {
                Weights = [.. e.Phrasings.Select(p => PhrasingWeights.Of(p, words, bigrams, chars))],
                AllPhrasingWordIds = words.IdsOf(e.AllPhrasingWords),
                AnswerWordIds = words.IdsOf(e.AnswerWords),
            };
        }
        return new IndexedBank(entries, words, bigrams, chars, snapshot.Revision);
    }

    /// <summary>Analyses one entry's phrasings, standard question first.</summary>
    public static IndexedEntry Analyse(FaqEntry entry, TextAnalysis analysis)
    {
        var phrasings = new List<AnalyzedText> { analysis.Analyze(entry.Question) };
        foreach (var q in entry.SimilarQuestions)
            if (!string.IsNullOrWhiteSpace(q)) phrasings.Add(analysis.Analyze(q));
        var allWords = phrasings.SelectMany(p => p.Words).Distinct(StringComparer.Ordinal).ToArray();
        var answerWords = TextAnalysis.Tokens(analysis.WordAnalyzer, entry.Answer);
        return new IndexedEntry(entry, [.. phrasings], allWords, answerWords);
    }
}
