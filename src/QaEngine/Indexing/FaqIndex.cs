using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// The one owner of the Lucene index: a single <see cref="IndexWriter"/> and <see cref="SearcherManager"/>.
/// One Lucene document per phrasing (standard question or similar question) holds its words and character
/// bigrams; the standard question's document also holds the answer. <see cref="Publish"/> updates documents
/// by entry id and refreshes the searcher on the publishing thread, never on the request path; searches
/// running meanwhile keep the searcher they acquired.
/// </summary>
public sealed class FaqIndex : IDisposable
{
    internal const string IdField = "id";
    internal const string WordsField = "words";
    internal const string BigramsField = "bigrams";
    internal const string AnswerField = "answer";

    private readonly TextAnalysis _analysis;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _publishLock = new();
    private volatile IndexedBank _bank = IndexedBank.Empty;

    /// <summary>
    /// Opens (creating or emptying) an index in <paramref name="path"/>, or in memory when it is null.
    /// The index is rebuilt from the bank on every start, so its on-disk contents are only a cache.
    /// </summary>
    public FaqIndex(TextAnalysis analysis, string? path)
    {
        _analysis = analysis;
        _directory = path is null ? new RAMDirectory() : new MMapDirectory(System.IO.Directory.CreateDirectory(path));
        var perField = new PerFieldAnalyzerWrapper(analysis.WordAnalyzer, new Dictionary<string, Lucene.Net.Analysis.Analyzer>
        {
            [BigramsField] = analysis.BigramAnalyzer,
        });
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, perField)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    internal static Bm25Recall.Bm25 Similarity { get; } = new(1.2f, 0.75f);

    // Each segment's entry id per document, read once per segment: a segment's documents never change (deletes only
    // hide them), and decoding the id of every recalled document per question was a string per document.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string?[]> _segmentIds = new();

    private string?[] IdsOf(AtomicReader segment) => _segmentIds.GetValue(segment.CoreCacheKey, _ => ReadIds(segment));

    private static string?[] ReadIds(AtomicReader segment)
    {
        var ids = new string?[segment.MaxDoc];
        if (segment.GetSortedDocValues(IdField) is not { } values) return ids;
        var byOrdinal = new string[values.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < byOrdinal.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            byOrdinal[ord] = bytes.Utf8ToString();
        }
        for (var doc = 0; doc < ids.Length; doc++)
            if (values.GetOrd(doc) is var ord and >= 0) ids[doc] = byOrdinal[ord];
        return ids;
    }

    private readonly Bm25Recall _recall = new(Similarity);

    /// <summary>The analysed bank currently answered from.</summary>
    public IndexedBank Bank => _bank;

    /// <summary>
    /// Makes <paramref name="snapshot"/> the searchable bank: entries that are new or whose text changed are
    /// re-indexed by id, entries no longer present are deleted, then the searcher is refreshed and the
    /// in-memory bank swapped. Concurrent publishes are serialised.
    /// </summary>
    public void Publish(BankSnapshot snapshot)
    {
        lock (_publishLock)
        {
            var previous = _bank;
            var next = IndexedBank.Build(snapshot, _analysis, previous);
            foreach (var old in previous.All)
                if (next.Find(old.Entry.Id) is null) _writer.DeleteDocuments(new Term(IdField, old.Entry.Id));
            foreach (var entry in next.All)
            {
                var old = previous.Find(entry.Entry.Id);
                if (old is not null && old.HasSamePhrasingsAs(entry.Entry) && old.Entry.Answer == entry.Entry.Answer) continue;
                _writer.UpdateDocuments(new Term(IdField, entry.Entry.Id), Documents(entry.Entry));
            }
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
            PrepareRecall();
            _bank = next;
        }
    }

    // The searcher a publish opened gets its postings decoded here, not on the first questions that use them.
    private void PrepareRecall()
    {
        var searcher = _searchers.Acquire();
        try
        {
            _recall.Prepare(searcher.IndexReader, [WordsField, BigramsField, AnswerField]);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// BM25 recall: the entries whose phrasings best match <paramref name="query"/>, best first, with the
    /// Lucene score of their best phrasing. Query terms are used as terms: nothing is parsed as query syntax.
    /// </summary>
    public IReadOnlyList<RecallHit> Recall(AnalyzedText query, RecallWeights weights, int maxDocuments, int maxEntries)
    {
        var clauses = ClausesOf(query, weights);
        if (clauses.All(c => c.Terms.Length == 0)) return [];

        var searcher = _searchers.Acquire();
        try
        {
            var top = _recall.Search(searcher.IndexReader, clauses, maxDocuments);
            var leaves = searcher.IndexReader.Leaves;
            var ids = new string?[]?[leaves.Count];
            var seen = new HashSet<string>(maxEntries, StringComparer.Ordinal);
            var hits = new List<RecallHit>(maxEntries);
            foreach (var (doc, score) in top)
            {
                var at = ReaderUtil.SubIndex(doc, leaves);
                var leaf = leaves[at];
                var id = (ids[at] ??= IdsOf(leaf.AtomicReader))[doc - leaf.DocBase];
                // Documents come best first, so an entry's first document is its best phrasing.
                if (id is null || !seen.Add(id)) continue;
                hits.Add(new RecallHit(id, score));
                if (hits.Count == maxEntries) break;
            }
            return hits;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The same recall as a Lucene query (a disjunction of boosted term queries): what <see cref="Recall"/> must
    /// equal, document for document. For tests; the service never runs it.
    /// </summary>
    internal IReadOnlyList<(int Doc, float Score)> RecallByLuceneQuery(AnalyzedText query, RecallWeights weights, int maxDocuments)
    {
        var boolean = new BooleanQuery(disableCoord: true);
        foreach (var clause in ClausesOf(query, weights))
            foreach (var t in clause.Terms)
                boolean.Add(new TermQuery(new Term(clause.Field, t)) { Boost = clause.Boost }, Occur.SHOULD);
        if (boolean.Clauses.Count == 0) return [];
        var searcher = _searchers.Acquire();
        try
        {
            return searcher.Search(boolean, maxDocuments).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The documents <see cref="Recall"/> ranks, before they are grouped by entry. For tests.</summary>
    internal IReadOnlyList<(int Doc, float Score)> RecallDocuments(AnalyzedText query, RecallWeights weights, int maxDocuments)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return _recall.Search(searcher.IndexReader, ClausesOf(query, weights), maxDocuments);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    // BooleanQuery allows 1024 clauses; a question is at most a few hundred characters, but never fail on it.
    private const int MaxTermsPerField = 300;

    // Words and bigrams of the question's phrasing side, and its words against the answers (weakly).
    private static Bm25Recall.Clause[] ClausesOf(AnalyzedText query, RecallWeights weights) =>
    [
        Clause(WordsField, query.Words, weights.Words),
        Clause(BigramsField, query.Bigrams, weights.Bigrams),
        Clause(AnswerField, query.Words, weights.Answer),
    ];

    private static Bm25Recall.Clause Clause(string field, string[] terms, float boost) =>
        new(field, boost <= 0 ? [] : terms.Length > MaxTermsPerField ? terms[..MaxTermsPerField] : terms, boost);

    private static IEnumerable<Document> Documents(FaqEntry entry)
    {
        var phrasings = new[] { entry.Question }.Concat(entry.SimilarQuestions.Where(q => !string.IsNullOrWhiteSpace(q)));
        var first = true;
        foreach (var phrasing in phrasings)
        {
            var doc = new Document
            {
                new StringField(IdField, entry.Id, Field.Store.NO),
                new SortedDocValuesField(IdField, new BytesRef(entry.Id)),
                new TextField(WordsField, phrasing, Field.Store.NO),
                new TextField(BigramsField, phrasing, Field.Store.NO),
            };
            if (first) doc.Add(new TextField(AnswerField, entry.Answer, Field.Store.NO));
            first = false;
            yield return doc;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}

/// <summary>An entry found by recall, with the BM25 score of its best-matching phrasing.</summary>
public sealed record RecallHit(string Id, float Score);

/// <summary>Boosts of the three recall fields.</summary>
public sealed record RecallWeights(float Words, float Bigrams, float Answer);
