using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Indexing;

namespace GovAssistant.QaEngine.Consistency;

/// <summary>
/// Finds entries of the bank that answer the same question differently (权威、一致). Phrasings are analysed exactly as
/// the engine indexes them (normalisation, jieba, synonyms); pairs of entries that share rare words are
/// compared phrasing by phrasing with IDF-weighted word coverage, and a pair whose closest phrasings are alike enough and
/// whose answers state different fees, time limits, phones, addresses, offices or materials is flagged.
/// Keeps the previous analysis, so a run after a publish only re-analyses what changed.
/// </summary>
public sealed class ConsistencyChecker(TextAnalysis analysis, ConsistencyOptions? options = null)
{
    private readonly ConsistencyOptions _options = options ?? new ConsistencyOptions();
    private readonly System.Threading.Lock _lock = new();
    private IndexedBank? _previous;

    /// <summary>Every conflicting near-duplicate pair among the published <paramref name="entries"/>, cross-department ones first.</summary>
    public IReadOnlyList<ConsistencyFlag> Check(IReadOnlyList<FaqEntry> entries)
    {
        IndexedBank bank;
        lock (_lock)
        {
            bank = IndexedBank.Build(new BankSnapshot([.. entries.Where(e => e.Status == FaqStatus.Published)], 0, DateTimeOffset.UnixEpoch), analysis, _previous);
            _previous = bank;
        }
        var all = bank.All.OrderBy(e => e.Entry.Id, StringComparer.Ordinal).ToArray();
        var postings = Postings(all);
        var facts = new AnswerFacts?[all.Length];
        var flags = new List<ConsistencyFlag>();
        var gate = new System.Threading.Lock();
        Parallel.For(0, all.Length, i =>
        {
            foreach (var j in Candidates(i, all, postings, bank))
            {
                var (similarity, pi, pj) = Closest(all[i], all[j]);
                if (similarity < _options.SimilarityThreshold) continue;
                var conflicts = FactComparison.Conflicts(FactsOf(i), FactsOf(j));
                if (conflicts.Count == 0) continue;
                var flag = new ConsistencyFlag(all[i].Entry, all[j].Entry, Math.Round(similarity, 4), Phrasing(all[i], pi), Phrasing(all[j], pj), conflicts);
                lock (gate) flags.Add(flag);
            }
        });
        return [.. flags.OrderByDescending(f => f.CrossDepartment).ThenByDescending(f => f.Similarity).ThenBy(f => f.PairKey, StringComparer.Ordinal)];

        AnswerFacts FactsOf(int k) => facts[k] ??= AnswerFacts.Extract(all[k].Entry.Answer);
    }

    // Word → the entries (by position) whose phrasings use it.
    private static Dictionary<string, List<int>> Postings(IndexedEntry[] all)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
            foreach (var word in all[i].AllPhrasingWords)
            {
                if (!postings.TryGetValue(word, out var list)) postings[word] = list = [];
                list.Add(i);
            }
        return postings;
    }

    // Entries after i sharing its rarer words, best accumulated IDF first.
    private IEnumerable<int> Candidates(int i, IndexedEntry[] all, Dictionary<string, List<int>> postings, IndexedBank bank)
    {
        var score = new Dictionary<int, double>();
        foreach (var word in all[i].AllPhrasingWords)
        {
            var list = postings[word];
            if (list.Count > _options.MaxEntriesPerWord) continue;
            var idf = bank.Words.Idf(word);
            foreach (var j in list)
                if (j > i) score[j] = score.GetValueOrDefault(j) + idf;
        }
        return score.OrderByDescending(p => p.Value).Take(_options.CandidatesPerEntry).Select(p => p.Key);
    }

    private static (double Similarity, int First, int Second) Closest(IndexedEntry a, IndexedEntry b)
    {
        var best = (0.0, 0, 0);
        for (var i = 0; i < a.Phrasings.Length; i++)
            for (var j = 0; j < b.Phrasings.Length; j++)
            {
                var s = Similarity(a.Phrasings[i], a.Weights[i], b.Phrasings[j], b.Weights[j]);
                if (s > best.Item1) best = (s, i, j);
            }
        return best;
    }

    /// <summary>
    /// The lower of the two directions' IDF-weighted word coverage. A word counts as present in the other phrasing when
    /// all its characters occur there, so segmentation differences (办养/犬 against 养犬) do not hide a duplicate; but
    /// when one of a phrasing's most distinctive words is absent from the other (居住证 against 身份证, 买房 against
    /// 退休) they ask about different things, and the similarity is halved — as the re-ranker's "rarest unmatched
    /// term" feature does for answering.
    /// </summary>
    private static double Similarity(AnalyzedText a, PhrasingWeights wa, AnalyzedText b, PhrasingWeights wb)
    {
        if (a.Compact == b.Compact) return 1;
        var (forward, forwardMissing) = Coverage(a, wa.Words, b);
        var (backward, backwardMissing) = Coverage(b, wb.Words, a);
        var similarity = Math.Min(forward, backward);
        return forwardMissing || backwardMissing ? similarity / 2 : similarity;
    }

    private const double DistinctiveShare = 0.35;

    private static (double Coverage, bool DistinctiveMissing) Coverage(AnalyzedText from, double[] idf, AnalyzedText by)
    {
        double total = 0, matched = 0, maxIdf = 0, maxMissing = 0;
        for (var i = 0; i < from.Words.Length; i++)
        {
            total += idf[i];
            maxIdf = Math.Max(maxIdf, idf[i]);
            var word = from.Words[i];
            if (Array.IndexOf(by.Words, word) >= 0 || AllCharactersIn(word, by.Compact)) matched += idf[i];
            else maxMissing = Math.Max(maxMissing, idf[i]);
        }
        return total == 0 ? (0, false) : (matched / total, maxMissing >= DistinctiveShare * maxIdf);
    }

    // A loop rather than LINQ: this runs for every word of every phrasing pair compared, and a closure each time was
    // most of what a run allocated.
    private static bool AllCharactersIn(string word, string text)
    {
        foreach (var c in word)
            if (!text.Contains(c)) return false;
        return true;
    }

    private static string Phrasing(IndexedEntry entry, int index) => index == 0 ? entry.Entry.Question : entry.Entry.SimilarQuestions[index - 1];
}
