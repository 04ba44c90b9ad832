namespace GovAssistant.Tuning;

/// <summary>
/// Fits the re-ranking weights: a softmax over each answerable question's recalled entries (an entry scores as its
/// best phrasing), the expected entry's log-probability maximised, with an L2 pull towards the starting weights so
/// that the score keeps the scale the confidence and the decision rules were set on. Full-batch Adam.
/// </summary>
internal static class ListwiseFit
{
    public static double[] Fit(IReadOnlyList<TuningQuestion> questions, double[] start, double temperature, double pull = 0.01, int iterations = 300, double rate = 0.005)
    {
        var w = (double[])start.Clone();
        var adam = new Adam(w, rate);
        var usable = questions.Where(q => q.ExpectedAt >= 0 && q.Candidates.Length >= 2).ToList();
        for (var t = 1; t <= iterations; t++)
        {
            var grad = Gradient(usable, w, temperature, out _);
            for (var i = 0; i < w.Length; i++) grad[i] += pull * (w[i] - start[i]);
            adam.Step(grad);
        }
        return w;
    }

    /// <summary>Mean negative log-likelihood of the expected entries at <paramref name="temperature"/>.</summary>
    public static double Loss(IReadOnlyList<TuningQuestion> questions, double[] w, double temperature)
    {
        Gradient(questions.Where(q => q.ExpectedAt >= 0 && q.Candidates.Length >= 2).ToList(), w, temperature, out var loss);
        return loss;
    }

    /// <summary>The softmax temperature at which <paramref name="w"/> fits best (so a refit starts on its own scale).</summary>
    public static double TemperatureOf(IReadOnlyList<TuningQuestion> questions, double[] w)
    {
        var best = (T: 1.0, Loss: double.MaxValue);
        for (var t = 0.02; t <= 2.0; t *= 1.15)
        {
            var loss = Loss(questions, w, t);
            if (loss < best.Loss) best = (t, loss);
        }
        return best.T;
    }

    private static double[] Gradient(List<TuningQuestion> usable, double[] w, double temperature, out double loss)
    {
        var grad = new double[w.Length];
        loss = 0;
        var scores = new List<(double Score, int Phrasing)>();
        foreach (var q in usable)
        {
            scores.Clear();
            var max = double.MinValue;
            foreach (var c in q.Candidates)
            {
                var b = Ranking.Best(w, c);
                scores.Add(b);
                max = Math.Max(max, b.Score);
            }
            var sum = 0.0;
            foreach (var s in scores) sum += Math.Exp((s.Score - max) / temperature);
            loss += -((scores[q.ExpectedAt].Score - max) / temperature - Math.Log(sum));
            for (var k = 0; k < scores.Count; k++)
            {
                var p = Math.Exp((scores[k].Score - max) / temperature) / sum - (k == q.ExpectedAt ? 1 : 0);
                if (Math.Abs(p) < 1e-9) continue;
                var x = q.Candidates[k].Features[scores[k].Phrasing];
                for (var i = 0; i < grad.Length; i++) grad[i] += p * x[i] / temperature;
            }
        }
        var count = Math.Max(1, usable.Count);
        for (var i = 0; i < grad.Length; i++) grad[i] /= count;
        loss /= count;
        return grad;
    }
}
