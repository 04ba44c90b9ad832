using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.QaEngine.Ranking;

/// <summary>
/// The evidence that one phrasing of an entry says what the question says, as a fixed-length vector that the
/// re-ranker weighs. Coverages are IDF-weighted shares of one side's terms found on the other side, over three
/// views of the text (jieba words, character bigrams, characters), so a missing rare word (护照 vs 港澳通行证)
/// costs far more than a missing 怎么; the rest capture order (longest common subsequence), the rarest term left
/// unmatched on each side, length difference and a negation on one side only.
/// </summary>
public static class MatchFeatures
{
    /// <summary>Names of the features, in vector order (for documentation and tuning output).</summary>
    public static readonly string[] Names =
    [
        "wordsBalanced", "bigramsBalanced", "charsBalanced", "recall",
        "queryWordCoverage", "phrasingWordCoverage", "queryBigramCoverage", "phrasingBigramCoverage",
        "queryCharCoverage", "phrasingCharCoverage", "lcsOverLonger", "queryMissingWordIdf", "phrasingMissingWordIdf",
        "queryMissingCharIdf", "phrasingMissingCharIdf", "lengthDifference", "charIdfSquaredOverlap", "charJaccard",
        "bigramJaccard", "negationMismatch", "lcsOverQuery", "lcsOverPhrasing",
        "queryWordCoverageByAllPhrasings", "answerCoverageTimesCharsBalanced",
    ];

    /// <summary>Number of features.</summary>
    public static int Count => Names.Length;

    /// <summary>Computes the features of <paramref name="phrasing"/> against the prepared question into <paramref name="into"/>.</summary>
    /// <param name="query">The prepared question.</param>
    /// <param name="phrasing">One phrasing of the entry.</param>
    /// <param name="weights">IDF of the phrasing's terms.</param>
    /// <param name="entry">Entry-level evidence, the same for all its phrasings.</param>
    /// <param name="into">Receives <see cref="Count"/> values.</param>
    public static void Compute(QueryProfile query, AnalyzedText phrasing, Indexing.PhrasingWeights weights, in EntryEvidence entry, Span<double> into)
    {
        var w = Coverage.Of(query.Words, weights.WordIds, weights.Words);
        var b = Coverage.Of(query.Bigrams, weights.BigramIds, weights.Bigrams);
        var c = Coverage.Of(query.Chars, weights.CharIds, weights.Chars);
        var p = phrasing.Compact;
        var q = query.Compact;
        var longer = Math.Max(1, Math.Max(q.Length, p.Length));
        var lcs = query.Subsequence.LongestCommonSubsequence(p);

        into[0] = Balanced(w.Query, w.Phrasing);
        into[1] = Balanced(b.Query, b.Phrasing);
        into[2] = Balanced(c.Query, c.Phrasing);
        into[3] = entry.Recall;
        into[4] = w.Query;
        into[5] = w.Phrasing;
        into[6] = b.Query;
        into[7] = b.Phrasing;
        into[8] = c.Query;
        into[9] = c.Phrasing;
        into[10] = lcs / (double)longer;
        into[11] = w.QueryMissing / 10;
        into[12] = w.PhrasingMissing / 10;
        into[13] = c.QueryMissing / 10;
        into[14] = c.PhrasingMissing / 10;
        into[15] = Math.Abs(q.Length - p.Length) / (double)longer;
        into[16] = c.SquaredOverlap;
        into[17] = c.Jaccard;
        into[18] = b.Jaccard;
        into[19] = query.HasNegation != (p.Contains('不') || p.Contains('没')) ? 1 : 0;
        into[20] = lcs / (double)Math.Max(1, q.Length);
        into[21] = lcs / (double)Math.Max(1, p.Length);
        into[22] = entry.AllPhrasingsWordCoverage;
        into[23] = entry.AnswerWordCoverage * into[2];
    }

    /// <summary>Entry-level evidence: what the whole entry, not one phrasing, has in common with the question.</summary>
    /// <param name="Recall">BM25 score of the entry's best document relative to the best recalled entry.</param>
    /// <param name="AllPhrasingsWordCoverage">Share of the question's word weight found in any phrasing of the entry.</param>
    /// <param name="AnswerWordCoverage">Share of the question's word weight found in the answer.</param>
    public readonly record struct EntryEvidence(double Recall, double AllPhrasingsWordCoverage, double AnswerWordCoverage)
    {
        /// <summary>Computes the evidence of <paramref name="entry"/> for <paramref name="query"/>.</summary>
        public static EntryEvidence Of(QueryProfile query, Indexing.IndexedEntry entry, double recall) =>
            new(recall, query.Words.CoverageBy(entry.AllPhrasingWordIds), query.Words.CoverageBy(entry.AnswerWordIds));
    }

    private static double Balanced(double a, double b) => a + b <= 0 ? 0 : 2 * a * b / (a + b);

    /// <summary>Overlap of the question's and a phrasing's terms of one kind.</summary>
    private readonly record struct Coverage(
        double Query, double Phrasing, double QueryMissing, double PhrasingMissing, double SquaredOverlap, double Jaccard)
    {
        public static Coverage Of(WeightedTerms query, int[] phrasing, double[] phrasingIdf)
        {
            double matched = 0, matchedSquared = 0, phrasingTotal = 0, phrasingSquared = 0, phrasingMissing = 0;
            var shared = 0;
            Span<bool> seen = query.Count <= 256 ? stackalloc bool[query.Count] : new bool[query.Count];
            for (var i = 0; i < phrasing.Length; i++)
            {
                var idf = phrasingIdf[i];
                phrasingTotal += idf;
                phrasingSquared += idf * idf;
                var at = query.PositionOf(phrasing[i]);
                if (at >= 0)
                {
                    var w = query.Idf[at];
                    matched += w;
                    matchedSquared += w * w;
                    shared++;
                    seen[at] = true;
                }
                else if (idf > phrasingMissing)
                {
                    phrasingMissing = idf;
                }
            }
            var queryMissing = 0.0;
            foreach (var j in query.ByWeightDescending)
            {
                if (seen[j]) continue;
                queryMissing = Math.Max(0, query.Idf[j]);
                break;
            }
            var union = query.Count + phrasing.Length - shared;
            var squaredTotal = query.TotalSquared + phrasingSquared;
            return new Coverage(
                query.Total > 0 ? matched / query.Total : 0,
                phrasingTotal > 0 ? matched / phrasingTotal : 0,
                queryMissing,
                phrasingMissing,
                squaredTotal > 0 ? 2 * matchedSquared / squaredTotal : 0,
                union > 0 ? (double)shared / union : 0);
        }
    }
}
