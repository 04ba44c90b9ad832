namespace GovAssistant.ChatHub.Cli;

/// <summary>The summary figures of an eval run, defined exactly as <c>shared/eval/score.py</c> defines them.</summary>
internal sealed record EvalSummary(
    string File, int Answerable, int Unanswerable, double? Top1, double? Recall5, double? Mrr10,
    double? AnsweredPrecision, double? Coverage, double? ClarifyHit, double? Resolved, double? AnsweredWrong,
    double? FalseAnswer, double? P50Ms, double? P99Ms)
{
    public static EvalSummary Of(string file, IReadOnlyList<EvalResult> results)
    {
        int n = 0, top1 = 0, recall5 = 0, answered = 0, answeredRight = 0, clarifyRight = 0, negatives = 0, negativesAnswered = 0;
        double mrr = 0;
        var ms = results.Select(r => r.Ms).Order().ToList();
        foreach (var r in results)
        {
            var isAnswered = r.Decision == "answered";
            if (r.Expected is null)
            {
                negatives++;
                if (isAnswered) negativesAnswered++;
                continue;
            }
            n++;
            var rank = r.Candidates.Take(10).Select(c => c.Id).ToList().IndexOf(r.Expected);
            if (rank == 0) top1++;
            if (rank is >= 0 and < 5) recall5++;
            if (rank >= 0) mrr += 1.0 / (rank + 1);
            if (isAnswered)
            {
                answered++;
                if (r.FaqId == r.Expected) answeredRight++;
            }
            else if (r.Decision == "clarify")
            {
                // What the citizen is shown: the offered choices (the first three candidates when none are recorded).
                var offered = r.Choices.Count > 0 ? r.Choices : r.Candidates.Take(3).Select(c => c.Id).ToList();
                if (offered.Contains(r.Expected)) clarifyRight++;
            }
        }
        double? Ratio(int a, int b) => b == 0 ? null : Math.Round((double)a / b, 4);
        double? Pct(double p) => ms.Count == 0 ? null : Math.Round(ms[Math.Min(ms.Count - 1, (int)(p * ms.Count))], 3);
        return new EvalSummary(
            file, n, negatives, Ratio(top1, n), Ratio(recall5, n), n == 0 ? null : Math.Round(mrr / n, 4),
            Ratio(answeredRight, answered), Ratio(answeredRight, n), Ratio(clarifyRight, n), Ratio(answeredRight + clarifyRight, n),
            Ratio(answered - answeredRight, n), Ratio(negativesAnswered, negatives), Pct(0.5), Pct(0.99));
    }
}
