using GovAssistant.QaEngine.Ranking;

namespace GovAssistant.Tuning;

/// <summary>
/// Fits the confidence logistic of <see cref="Reranker.Confidence"/> for given re-ranking weights: over every question,
/// answerable or not, the probability that the top entry is the expected one, from the inputs the re-ranker reads.
/// </summary>
internal static class ConfidenceFit
{
    public static double[] Inputs(double[] w, TuningQuestion q, RankingWeights shape)
    {
        var ranked = Ranking.Rank(w, q);
        var top = ranked[0];
        var margin = Math.Min(shape.MarginCap, top.Score - (ranked.Count > 1 ? ranked[1].Score : 0));
        var x = new double[3 + shape.ConfidenceFeatures.Length];
        x[0] = 1; x[1] = top.Score; x[2] = margin;
        var f = q.Candidates[top.Index].Features[top.Phrasing];
        for (var i = 0; i < shape.ConfidenceFeatures.Length; i++) x[3 + i] = f[shape.ConfidenceFeatures[i]];
        return x;
    }

    public static double[] Fit(IReadOnlyList<TuningQuestion> questions, double[] w, RankingWeights shape, double[] start, int iterations = 2000, double rate = 0.02)
    {
        var rows = questions.Where(q => q.Candidates.Length > 0)
            .Select(q => (X: Inputs(w, q, shape), Y: q.ExpectedAt >= 0 && Ranking.Rank(w, q)[0].Index == q.ExpectedAt ? 1.0 : 0.0)).ToList();
        var c = (double[])start.Clone();
        var adam = new Adam(c, rate);
        for (var t = 1; t <= iterations; t++)
        {
            var grad = new double[c.Length];
            foreach (var (x, y) in rows)
            {
                var p = 1 / (1 + Math.Exp(-Ranking.Dot(c, x)));
                for (var i = 0; i < c.Length; i++) grad[i] += (p - y) * x[i] / rows.Count;
            }
            adam.Step(grad);
        }
        return c;
    }

    /// <summary>
    /// Refits the logistic for new re-ranking weights so that it says what the shipped confidence said (least squares on
    /// its log-odds over every question): the answer and clarify thresholds keep their meaning while the ranking changes.
    /// </summary>
    public static double[] Mimic(IReadOnlyList<TuningQuestion> questions, double[] w, RankingWeights shipped)
    {
        var k = 3 + shipped.ConfidenceFeatures.Length;
        var a = new double[k, k + 1];
        foreach (var q in questions)
        {
            if (q.Candidates.Length == 0) continue;
            var target = Ranking.Dot(shipped.Confidence, Inputs(shipped.Features, q, shipped));
            var x = Inputs(w, q, shipped);
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++) a[i, j] += x[i] * x[j];
                a[i, k] += x[i] * target;
            }
        }
        for (var i = 0; i < k; i++) a[i, i] += 1e-6;
        // Gaussian elimination with partial pivoting.
        for (var c = 0; c < k; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < k; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            for (var j = 0; j <= k; j++) (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            for (var r = 0; r < k; r++)
            {
                if (r == c) continue;
                var f = a[r, c] / a[c, c];
                for (var j = c; j <= k; j++) a[r, j] -= f * a[c, j];
            }
        }
        var result = new double[k];
        for (var i = 0; i < k; i++) result[i] = a[i, k] / a[i, i];
        return result;
    }
}
