using System.Buffers;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// The recall search, scored as Lucene's BM25 scores a disjunction of boosted term queries (no coordination),
/// without building a query: Lucene's query path opened two term enumerators, a postings reader and a norm cache
/// for every term of every question — about 15 KB per term, 90 % of a question's allocations. Here a term's
/// postings in a segment are decoded once into arrays (documents and their frequencies) and kept with the
/// segment (<see cref="SegmentPostings"/>), so a question walks arrays; one score per document goes into a per-thread
/// buffer.
/// <c>Bm25RecallTests</c> holds it to Lucene's own results.
/// </summary>
internal sealed class Bm25Recall(Bm25Recall.Bm25 similarity)
{
    /// <summary>One field's terms and their boost.</summary>
    public readonly record struct Clause(string Field, string[] Terms, float Boost);

    [ThreadStatic] private static double[]? t_scores;
    [ThreadStatic] private static List<int>? t_touched;

    // Keyed by the segment's core, which outlives the readers a publish opens when it only deletes documents from the
    // segment: a publish decodes its new segment, not the whole bank again. A merged-away core takes its postings along.
    private readonly ConditionalWeakTable<object, SegmentPostings> _segments = new();

    private SegmentPostings PostingsOf(AtomicReader segment) => _segments.GetValue(segment.CoreCacheKey, _ => new SegmentPostings());

    /// <summary>
    /// Decodes the postings of every term of <paramref name="fields"/> in every segment of <paramref name="reader"/> now,
    /// on the publishing thread, so that no question pays for a term the first time it is asked.
    /// </summary>
    public void Prepare(IndexReader reader, IEnumerable<string> fields)
    {
        foreach (var leaf in reader.Leaves)
        {
            var segment = PostingsOf(leaf.AtomicReader);
            foreach (var name in fields) segment.FieldOf(name, leaf.AtomicReader)?.DecodeAll(leaf.AtomicReader);
        }
    }

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
        var fields = new SegmentPostings.Field?[leaves.Count];
        long sumTotalTermFreq = 0;
        for (var i = 0; i < leaves.Count; i++)
        {
            fields[i] = PostingsOf(leaves[i].AtomicReader).FieldOf(clause.Field, leaves[i].AtomicReader);
            if (fields[i] is not { } f) continue;
            sumTotalTermFreq = sumTotalTermFreq < 0 || f.SumTotalTermFreq < 0 ? -1 : sumTotalTermFreq + f.SumTotalTermFreq;
        }
        var avgdl = similarity.AverageLength(sumTotalTermFreq, maxDoc);
        var cache = similarity.LengthCache(avgdl);
        var k1 = similarity.K1;
        var postings = new SegmentPostings.TermPostings?[leaves.Count];
        foreach (var term in clause.Terms)
        {
            long docFreq = 0;
            for (var i = 0; i < leaves.Count; i++)
            {
                postings[i] = fields[i]?.Of(term, leaves[i].AtomicReader);
                if (postings[i] is { } p) docFreq += p.DocFreq;
            }
            if (docFreq == 0) continue;
            // As BM25Similarity: weight = idf × boost × top-level boost (1), then × (k1 + 1).
            var weightValue = similarity.IdfOf(docFreq, maxDoc) * clause.Boost * 1f * (k1 + 1);
            for (var i = 0; i < leaves.Count; i++)
            {
                if (postings[i] is not { } p) continue;
                var norms = fields[i]!.Norms;
                var live = leaves[i].AtomicReader.LiveDocs;
                var docBase = leaves[i].DocBase;
                var docs = p.Docs;
                var freqs = p.Freqs;
                for (var j = 0; j < docs.Length; j++)
                {
                    var doc = docs[j];
                    if (live is not null && !live.Get(doc)) continue;
                    float freq = freqs[j];
                    var norm = norms is null ? k1 : cache[norms[doc]];
                    var global = docBase + doc;
                    if (scores[global] == 0) touched.Add(global);
                    scores[global] += weightValue * freq / (freq + norm);
                }
            }
        }
    }

    // A bounded selection: the best `max` of the touched documents, then sorted (score desc, doc asc).
    private static List<(int Doc, float Score)> Top(double[] scores, List<int> touched, int max)
    {
        var all = new List<(int Doc, float Score)>(Math.Min(touched.Count, Math.Max(max, 0)));
        if (max <= 0) return all;
        if (touched.Count <= max)
        {
            foreach (var d in touched) all.Add((d, (float)scores[d]));
            all.Sort(Better);
            return all;
        }
        // Min-heap of the best `max` seen so far (the worst at the root), in a pooled array: it never leaves this call.
        var rented = ArrayPool<(int Doc, float Score)>.Shared.Rent(max);
        var heap = rented.AsSpan(0, max);
        var n = 0;
        foreach (var d in touched)
        {
            var score = (float)scores[d];
            // Most documents score below the worst kept one: settle them with one comparison.
            if (n == max && score < heap[0].Score) continue;
            var item = (d, score);
            if (n < max) { heap[n] = item; SiftUp(heap, n++); }
            else if (Better(item, heap[0]) < 0) { heap[0] = item; SiftDown(heap, max); }
        }
        all.AddRange(heap);
        ArrayPool<(int Doc, float Score)>.Shared.Return(rented);
        all.Sort(Better);
        return all;
    }

    private static int Better((int Doc, float Score) a, (int Doc, float Score) b) =>
        a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc);

    private static void SiftUp(Span<(int Doc, float Score)> heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (Better(heap[i], heap[parent]) <= 0) return;
            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown(Span<(int Doc, float Score)> heap, int n)
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
