namespace GovAssistant.Tuning;

/// <summary>The re-ranker's scoring over stored features: an entry scores as its best phrasing.</summary>
internal static class Ranking
{
    public static double Dot(double[] w, double[] x)
    {
        var s = 0.0;
        for (var i = 0; i < w.Length; i++) s += w[i] * x[i];
        return s;
    }

    /// <summary>The entry's score and the phrasing that gives it.</summary>
    public static (double Score, int Phrasing) Best(double[] w, Candidate c)
    {
        var best = double.MinValue;
        var at = 0;
        for (var p = 0; p < c.Features.Length; p++)
        {
            var s = Dot(w, c.Features[p]) + c.Bonus[p];
            if (s > best) (best, at) = (s, p);
        }
        return (best, at);
    }

    /// <summary>Candidates best first: (index into the question's candidates, score, phrasing).</summary>
    public static List<(int Index, double Score, int Phrasing)> Rank(double[] w, TuningQuestion q)
    {
        var list = new List<(int, double, int)>(q.Candidates.Length);
        for (var i = 0; i < q.Candidates.Length; i++)
        {
            var (s, p) = Best(w, q.Candidates[i]);
            list.Add((i, s, p));
        }
        list.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return list;
    }

    /// <summary>Share of the answerable questions whose expected entry ranks first (what score.py calls top1).</summary>
    public static double Top1(double[] w, IEnumerable<TuningQuestion> questions)
    {
        int answerable = 0, first = 0;
        foreach (var q in questions)
        {
            if (q.Expected is null) continue;
            answerable++;
            if (q.ExpectedAt < 0) continue;
            var ranked = Rank(w, q);
            if (ranked[0].Index == q.ExpectedAt) first++;
        }
        return answerable == 0 ? 0 : first / (double)answerable;
    }
}
