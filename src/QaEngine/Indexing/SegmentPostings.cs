using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GovAssistant.QaEngine.Indexing;

/// <summary>
/// One segment's postings decoded into arrays, by field and term, and its fields' norms: what the recall search walks
/// instead of Lucene's postings readers. Documents are listed whether deleted or not (deletions belong to a reader,
/// this belongs to the segment's core); the search skips deleted ones. The segment is always read through the reader
/// the caller holds, never one kept here, which a publish may have closed.
/// </summary>
internal sealed class SegmentPostings
{
    // A bound on the terms one segment keeps, far above a bank's vocabulary; past it, postings are decoded for the
    // question that needs them and dropped.
    private const int MaxTerms = 400_000;

    private readonly ConcurrentDictionary<string, Field?> _fields = new(StringComparer.Ordinal);
    private int _terms;

    /// <summary>The field's postings, or null when the segment has no such field.</summary>
    public Field? FieldOf(string name, AtomicReader segment) =>
        _fields.TryGetValue(name, out var field) ? field : _fields.GetOrAdd(name, Open(name, segment));

    private Field? Open(string name, AtomicReader segment) =>
        segment.GetTerms(name) is { } terms ? new Field(this, name, terms.SumTotalTermFreq, NormsOf(segment, name)) : null;

    private static byte[]? NormsOf(AtomicReader segment, string field)
    {
        if (segment.GetNormValues(field) is not { } values) return null;
        var norms = new byte[segment.MaxDoc];
        for (var doc = 0; doc < norms.Length; doc++) norms[doc] = (byte)values.Get(doc);
        return norms;
    }

    private bool MayKeepAnother() => Interlocked.Increment(ref _terms) <= MaxTerms;

    /// <summary>A term's documents (ascending, deleted ones included) with their frequencies, and its document frequency.</summary>
    public sealed record TermPostings(int DocFreq, int[] Docs, int[] Freqs);

    /// <summary>One field of the segment.</summary>
    public sealed class Field(SegmentPostings owner, string name, long sumTotalTermFreq, byte[]? norms)
    {
        private readonly ConcurrentDictionary<string, TermPostings?> _terms = new(StringComparer.Ordinal);

        /// <summary>The field's total term frequency in the segment (-1 when not recorded).</summary>
        public long SumTotalTermFreq { get; } = sumTotalTermFreq;

        /// <summary>The encoded length of each document's field, or null when the field omits norms.</summary>
        public byte[]? Norms { get; } = norms;

        /// <summary>The postings of <paramref name="term"/>, or null when the segment does not hold it.</summary>
        public TermPostings? Of(string term, AtomicReader segment)
        {
            if (_terms.TryGetValue(term, out var kept)) return kept;
            var terms = segment.GetTerms(name)!.GetEnumerator();
            DocsEnum? reuse = null;
            var postings = terms.SeekExact(new BytesRef(term)) ? Read(terms, ref reuse) : null;
            if (owner.MayKeepAnother()) _terms.TryAdd(term, postings);
            return postings;
        }

        /// <summary>Decodes and keeps every term of the field (up to the segment's bound).</summary>
        public void DecodeAll(AtomicReader segment)
        {
            var terms = segment.GetTerms(name)!.GetEnumerator();
            DocsEnum? reuse = null;
            while (terms.MoveNext())
            {
                var term = terms.Term.Utf8ToString();
                if (_terms.ContainsKey(term)) continue;
                if (!owner.MayKeepAnother()) return;
                _terms.TryAdd(term, Read(terms, ref reuse));
            }
        }

        private static TermPostings Read(TermsEnum terms, ref DocsEnum? reuse)
        {
            var docFreq = terms.DocFreq;
            var postings = reuse = terms.Docs(null, reuse, DocsFlags.FREQS);
            var docs = new int[docFreq];
            var freqs = new int[docFreq];
            var n = 0;
            int doc;
            while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                docs[n] = doc;
                freqs[n++] = postings.Freq;
            }
            return new TermPostings(docFreq, docs, freqs);
        }
    }
}
