using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// The recall search, scored as Lucene's BM25 scores a disjunction of boosted term queries (no coordination),
/// without building a query: Lucene's query path opened two term enumerators, a postings reader and a norm cache
/// for every term of every question — about 15 KB per term, 90 % of a question's allocations. Here each field
/// gets one enumerator per segment, one reused postings reader, and one score per document in a per-thread
/// buffer. <c>Bm25RecallTests</c> holds it to Lucene's own results.
/// </summary>
internal sealed class Bm25Recall(Bm25Recall.Bm25 similarity)
{
    /// <summary>One field's terms and their boost.</summary>
    public readonly record struct Clause(string Field, string[] Terms, float Boost);

    [ThreadStatic] private static double[]? t_scores;
    // A field's term cursor and postings reader per segment, kept per thread: opening them was most of what a search
    // still allocated. Keyed weakly by the segment's reader, so a segment a publish retires takes its cursors along.
    [ThreadStatic] private static ConditionalWeakTable<AtomicReader, Dictionary<string, Cursor>>? t_cursors;
    [ThreadStatic] private static List<int>? t_touched;

    /// <summary>The <paramref name="max"/> best documents, best first; equal scores in document order.</summary>
    public List<(int Doc, float Score)> Search(IndexReader reader, IReadOnlyList<Clause> clauses, int max)
    {
        var maxDoc = reader.MaxDoc;
        var scores = t_scores is { } s && s.Length >= maxDoc ? s : t_scores = new double[Math.Max(maxDoc, 1024)];
        var touched = t_touched ??= new List<int>(1024);
        touched.Clear();
        var leaves = reader.Leaves;
        try
        {
            foreach (var clause in clauses) Score(leaves, maxDoc, clause, scores, touched);
            return Top(scores, touched, max);
        }
        finally
        {
            foreach (var doc in touched) scores[doc] = 0;
        }
    }

    private void Score(IList<AtomicReaderContext> leaves, int maxDoc, in Clause clause, double[] scores, List<int> touched)
    {
        if (clause.Terms.Length == 0) return;
        Span<bool> found = stackalloc bool[leaves.Count];
        var cursors = new Cursor?[leaves.Count];
        long sumTotalTermFreq = 0;
        for (var i = 0; i < leaves.Count; i++)
        {
            cursors[i] = CursorOf(leaves[i].AtomicReader, clause.Field);
            if (cursors[i] is not { } c) continue;
            sumTotalTermFreq = sumTotalTermFreq < 0 || c.SumTotalTermFreq < 0 ? -1 : sumTotalTermFreq + c.SumTotalTermFreq;
        }
        var avgdl = similarity.AverageLength(sumTotalTermFreq, maxDoc);
        var cache = similarity.LengthCache(avgdl);
        var k1 = similarity.K1;
        var bytes = new BytesRef();
        foreach (var term in clause.Terms)
        {
            bytes.CopyChars(term);
            long docFreq = 0;
            for (var i = 0; i < leaves.Count; i++)
            {
                found[i] = cursors[i] is { } c && c.Terms.SeekExact(bytes);
                if (found[i]) docFreq += cursors[i]!.Terms.DocFreq;
            }
            if (docFreq == 0) continue;
            // As BM25Similarity: weight = idf × boost × top-level boost (1), then × (k1 + 1).
            var weightValue = similarity.IdfOf(docFreq, maxDoc) * clause.Boost * 1f * (k1 + 1);
            for (var i = 0; i < leaves.Count; i++)
            {
                if (!found[i]) continue;
                var leaf = leaves[i];
                var norms = leaf.AtomicReader.GetNormValues(clause.Field);
                var cursor = cursors[i]!;
                var docs = cursor.Docs = cursor.Terms.Docs(leaf.AtomicReader.LiveDocs, cursor.Docs, DocsFlags.FREQS);
                int doc;
                while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    float freq = docs.Freq;
                    var norm = norms is null ? k1 : cache[(byte)norms.Get(doc) & 0xFF];
                    var global = leaf.DocBase + doc;
                    if (scores[global] == 0) touched.Add(global);
                    scores[global] += weightValue * freq / (freq + norm);
                }
            }
        }
    }

    private static Cursor? CursorOf(AtomicReader reader, string field)
    {
        var byField = (t_cursors ??= new()).GetValue(reader, _ => new Dictionary<string, Cursor>(StringComparer.Ordinal));
        if (byField.TryGetValue(field, out var cursor)) return cursor;
        var terms = reader.GetTerms(field);
        if (terms is null) return null;
        return byField[field] = new Cursor(terms.GetEnumerator(), terms.SumTotalTermFreq);
    }

    private sealed class Cursor(TermsEnum terms, long sumTotalTermFreq)
    {
        public TermsEnum Terms { get; } = terms;
        public long SumTotalTermFreq { get; } = sumTotalTermFreq;
        public DocsEnum? Docs { get; set; }
    }

    // A bounded selection: the best `max` of the touched documents, then sorted (score desc, doc asc).
    private static List<(int Doc, float Score)> Top(double[] scores, List<int> touched, int max)
    {
        var all = new List<(int Doc, float Score)>(Math.Min(touched.Count, Math.Max(max, 0) * 2 + 16));
        if (max <= 0) return all;
        if (touched.Count <= max)
        {
            foreach (var d in touched) all.Add((d, (float)scores[d]));
            all.Sort(Better);
            return all;
        }
        // Min-heap of the best `max` seen so far (the worst at the root).
        var heap = new (int Doc, float Score)[max];
        var n = 0;
        foreach (var d in touched)
        {
            var item = (d, (float)scores[d]);
            if (n < max) { heap[n] = item; SiftUp(heap, n++); }
            else if (Better(item, heap[0]) < 0) { heap[0] = item; SiftDown(heap, max); }
        }
        all.AddRange(heap);
        all.Sort(Better);
        return all;
    }

    private static int Better((int Doc, float Score) a, (int Doc, float Score) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc);

    private static void SiftUp((int Doc, float Score)[] heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (Better(heap[i], heap[parent]) <= 0) return;
            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown((int Doc, float Score)[] heap, int n)
    {
        var i = 0;
        while (true)
        {
            var worst = i;
            var l = 2 * i + 1;
            var r = l + 1;
            if (l < n && Better(heap[l], heap[worst]) > 0) worst = l;
            if (r < n && Better(heap[r], heap[worst]) > 0) worst = r;
            if (worst == i) return;
            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    /// <summary>Lucene's BM25 with its protected formulas opened to the recall search, so both score alike.</summary>
    internal sealed class Bm25(float k1, float b) : BM25Similarity(k1, b)
    {
        // One cache per field length in use (three fields; a publish changes them): kept, not rebuilt per question.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<float, float[]> _caches = new();

        public float IdfOf(long docFreq, long numDocs) => Idf(docFreq, numDocs);

        public float AverageLength(long sumTotalTermFreq, long maxDoc) =>
            AvgFieldLength(new CollectionStatistics("f", maxDoc, maxDoc, sumTotalTermFreq, -1));

        /// <summary>k1 × ((1 − b) + b × length / avgdl) for every encoded length, as BM25Similarity caches it per term.</summary>
        public float[] LengthCache(float avgdl)
        {
            if (_caches.TryGetValue(avgdl, out var cached)) return cached;
            if (_caches.Count > 64) _caches.Clear();
            var cache = new float[256];
            for (var i = 0; i < cache.Length; i++) cache[i] = K1 * ((1 - B) + B * DecodeNormValue((byte)i) / avgdl);
            return _caches.GetOrAdd(avgdl, cache);
        }
    }
}
