using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Indexing;

namespace GovAssistant.QaEngine.Ranking;

/// <summary>
/// Second stage of matching: scores each recalled entry by its best phrasing — a weighted sum of
/// <see cref="MatchFeatures"/> — and turns the top of the list into a confidence.
/// </summary>
public sealed class Reranker(RankingWeights weights)
{
    /// <summary>Added to a phrasing's score when the question equals it after normalisation.</summary>
    public const double ExactPhrasingBonus = 1.0;

    /// <summary>Scores and sorts <paramref name="hits"/> (best first).</summary>
    public List<ScoredCandidate> Rank(AnalyzedText query, IReadOnlyList<RecallHit> hits, IndexedBank bank)
    {
        var result = new List<ScoredCandidate>(hits.Count);
        if (hits.Count == 0) return result;
        var maxRecall = hits.Max(h => h.Score);
        var profile = new QueryProfile(query, bank);
        Span<double> features = stackalloc double[MatchFeatures.Count];
        foreach (var hit in hits)
        {
            var entry = bank.Find(hit.Id);
            if (entry is null) continue; // indexed by a publish that is still being swapped in
            var evidence = MatchFeatures.EntryEvidence.Of(profile, entry, maxRecall > 0 ? hit.Score / maxRecall : 0);
            double bestScore = double.MinValue;
            var bestPhrasing = 0;
            double[]? bestFeatures = null;
            var kept = weights.ConfidenceFeatures;
            for (var i = 0; i < entry.Phrasings.Length; i++)
            {
                MatchFeatures.Compute(profile, entry.Phrasings[i], entry.Weights[i], evidence, features);
                var score = Score(features);
                // The question is one of the entry's curated phrasings, word for word: the strongest evidence there is.
                if (entry.Phrasings[i].Compact == profile.Compact) score += ExactPhrasingBonus;
                if (score <= bestScore) continue;
                (bestScore, bestPhrasing) = (score, i);
                // Only what the confidence reads is kept: a vector per entry was a quarter of what re-ranking allocated.
                bestFeatures ??= new double[kept.Length];
                for (var k = 0; k < kept.Length; k++) bestFeatures[k] = features[kept[k]];
            }
            if (bestFeatures is not null) result.Add(new ScoredCandidate(entry, bestScore, bestPhrasing, bestFeatures));
        }
        result.Sort((a, b) => b.Score.CompareTo(a.Score));
        return result;
    }

    /// <summary>The re-ranking score of one phrasing's features.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        var w = weights.Features;
        var s = 0.0;
        for (var i = 0; i < features.Length; i++) s += w[i] * features[i];
        return s;
    }

    /// <summary>
    /// Probability that the top candidate is the right answer, from its score, its (capped) lead over the
    /// runner-up and how much of the question it covers: a logistic fitted on the development sets, including
    /// questions the bank cannot answer, so that a threshold on it is a precision target.
    /// </summary>
    public double Confidence(IReadOnlyList<ScoredCandidate> ranked)
    {
        if (ranked.Count == 0) return 0;
        var top = ranked[0];
        var margin = Math.Min(weights.MarginCap, top.Score - (ranked.Count > 1 ? ranked[1].Score : 0));
        var c = weights.Confidence;
        var z = c[0] + c[1] * top.Score + c[2] * margin;
        for (var i = 0; i < weights.ConfidenceFeatures.Length; i++) z += c[3 + i] * top.ConfidenceFeatures[i];
        return 1 / (1 + Math.Exp(-z));
    }
}
