using System.Globalization;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Ranking;

namespace GovAssistant.Tuning;

/// <summary>
/// Validates the fitting by leaving one source out: for each source, the re-ranking weights and, separately, the
/// confidence logistic are fitted on the other sources alone and scored on the one left out, beside the shipped ones.
/// A weight that only holds on the sources it was fitted on shows here as a drop on the source it never saw.
/// </summary>
internal static class LeaveOneSourceOut
{
    /// <summary>The figures of one set of weights on one source.</summary>
    /// <param name="Top1">Share of the answerable questions whose expected entry ranks first.</param>
    /// <param name="Right">Share of the answerable questions whose first entry is right and sure enough to answer.</param>
    /// <param name="Wrong">Share of all questions answered (sure enough) with an entry that is not the expected one.</param>
    /// <param name="LogLoss">Mean log-loss of the confidence as the probability that the first entry is right.</param>
    internal sealed record Figures(double Top1, double Right, double Wrong, double LogLoss);

    public static void Run(IReadOnlyList<TuningQuestion> all, double pull, double bar)
    {
        var shipped = RankingWeights.Default;
        var temperature = ListwiseFit.TemperatureOf(all, shipped.Features);
        var sources = all.Select(q => q.Source).Distinct().ToList();
        Console.WriteLine($"leave one source out: {string.Join(", ", sources.Select(s => $"{s} {all.Count(q => q.Source == s)}"))}; " +
            $"answering bar {bar.ToString("F2", CultureInfo.InvariantCulture)} on the confidence alone (the engine's near-miss rules not applied)");
        Console.WriteLine("| left out | top1 shipped | top1 fitted without it | right shipped | right fitted without it | wrong shipped | wrong fitted without it | log-loss shipped | log-loss fitted without it |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var source in sources)
        {
            var held = all.Where(q => q.Source == source).ToList();
            var others = all.Where(q => q.Source != source).ToList();
            // The ranking refitted without the source, its confidence refitted with it (both without the source); the
            // shipped confidence is scored on the shipped ranking it was fitted with.
            var ranking = ListwiseFit.Fit(others, shipped.Features, temperature, pull);
            var confidence = ConfidenceFit.Fit(others, ranking, shipped, shipped.Confidence);
            var before = Score(held, shipped.Features, shipped.Confidence, shipped, bar);
            var after = Score(held, ranking, confidence, shipped, bar);
            Console.WriteLine($"| {source} | {before.Top1:F3} | {after.Top1:F3} | {before.Right:F3} | {after.Right:F3} | {before.Wrong:F3} | {after.Wrong:F3} | {before.LogLoss:F3} | {after.LogLoss:F3} |");
        }
    }

    public static Figures Score(IReadOnlyList<TuningQuestion> questions, double[] ranking, double[] confidence, RankingWeights shape, double bar)
    {
        int answerable = 0, first = 0, right = 0, wrong = 0, scored = 0;
        var loss = 0.0;
        foreach (var q in questions)
        {
            if (q.Expected is not null) answerable++;
            if (q.Candidates.Length == 0) continue;
            var top = Ranking.Rank(ranking, q)[0];
            var correct = q.ExpectedAt >= 0 && top.Index == q.ExpectedAt;
            if (correct) first++;
            var p = 1 / (1 + Math.Exp(-Ranking.Dot(confidence, ConfidenceFit.Inputs(ranking, q, shape))));
            p = Math.Clamp(p, 1e-6, 1 - 1e-6);
            loss += correct ? -Math.Log(p) : -Math.Log(1 - p);
            scored++;
            if (p < bar) continue;
            if (correct) right++;
            else wrong++;
        }
        return new Figures(
            answerable == 0 ? 0 : first / (double)answerable,
            answerable == 0 ? 0 : right / (double)answerable,
            questions.Count == 0 ? 0 : wrong / (double)questions.Count,
            scored == 0 ? 0 : loss / scored);
    }
}
