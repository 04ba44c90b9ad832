// Fits the re-ranking weights and the confidence logistic (src/QaEngine/Ranking/RankingWeights.cs) and reports them by
// cross-validation: the general-domain set is split in folds by expected entry, and each fold is ranked with weights
// fitted without it (the seed dev set and the other folds), so the figure on it is one of weights that never saw it.
//   dotnet run -c Release --project tools/Tuning -- --general ../shared/eval/lcqmc-dev [--folds 5] [--seed-bank data/faq/bank]
//     [--seed-queries data/faq/eval/dev-queries.jsonl]
// Prints top1 by source for the shipped weights, each fold's held-out top1, the pooled cross-validated top1, then the
// weights fitted on everything, to paste into RankingWeights.Default when they hold up.
//   dotnet run -c Release --project tools/Tuning -- --leave-one-out [--real ../shared/eval/real-citizen] [--general …]
// Leaves each source out in turn (seed dev, voices, the third dev set, real citizens' messages, LCQMC dev): weights
// fitted on the others, scored on it beside the shipped ones (see LeaveOneSourceOut).
using System.Globalization;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Ranking;
using GovAssistant.Tuning;

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var general = Option("general", "../shared/eval/lcqmc-dev");
var folds = int.Parse(Option("folds", "5"), CultureInfo.InvariantCulture);
var pull = double.Parse(Option("pull", "0.01"), CultureInfo.InvariantCulture);
var analysis = TextAnalysis.CreateDefault();
var seed = TuningSet.Read("seed-dev", Option("seed-bank", "data/faq/bank"), Option("seed-queries", "data/faq/eval/dev-queries.jsonl"), analysis);
var lcqmc = TuningSet.Read("general", Path.Combine(general, "bank.jsonl"), Path.Combine(general, "queries.jsonl"), analysis);
Console.WriteLine($"read {seed.Count} seed-dev and {lcqmc.Count} general questions");

if (args.Contains("--leave-one-out"))
{
    var seedBank = Option("seed-bank", "data/faq/bank");
    var real = Option("real", "../shared/eval/real-citizen");
    var sources = seed
        .Concat(TuningSet.Read("voices", seedBank, "data/faq/eval/voices-queries.jsonl", analysis))
        .Concat(TuningSet.Read("fresh", seedBank, "data/faq/eval/fresh-queries.jsonl", analysis))
        .Concat(TuningSet.Read("real-citizen", Path.Combine(real, "bank.jsonl"), Path.Combine(real, "queries.jsonl"), analysis))
        .Concat(lcqmc).ToList();
    LeaveOneSourceOut.Run(sources, pull, new GovAssistant.QaEngine.QaEngineOptions().AnswerThreshold);
    return 0;
}

var shipped = RankingWeights.Default;
var start = shipped.Features;
var all = seed.Concat(lcqmc).ToList();
var temperature = ListwiseFit.TemperatureOf(all, start);
Console.WriteLine($"shipped weights: top1 seed-dev {Ranking.Top1(start, seed):F4}, general {Ranking.Top1(start, lcqmc):F4}; softmax temperature {temperature:F3}");

// Folds by expected entry: a paraphrase group is never split between fitting and scoring.
int FoldOf(TuningQuestion q) => (int)((uint)StableHash(q.Expected ?? "") % (uint)folds);
int heldFirst = 0, heldShippedFirst = 0, heldAnswerable = 0;
for (var k = 0; k < folds; k++)
{
    var held = lcqmc.Where(q => FoldOf(q) == k).ToList();
    var fitted = ListwiseFit.Fit(seed.Concat(lcqmc.Where(q => FoldOf(q) != k)).ToList(), start, temperature, pull);
    var answerable = held.Count(q => q.Expected is not null);
    var first = (int)Math.Round(Ranking.Top1(fitted, held) * answerable);
    var shippedFirst = (int)Math.Round(Ranking.Top1(start, held) * answerable);
    Console.WriteLine($"fold {k}: {answerable} held out, top1 fitted without it {first / (double)answerable:F4} (shipped {shippedFirst / (double)answerable:F4})");
    (heldFirst, heldShippedFirst, heldAnswerable) = (heldFirst + first, heldShippedFirst + shippedFirst, heldAnswerable + answerable);
}
Console.WriteLine($"general top1 cross-validated ({folds} folds): {heldFirst / (double)heldAnswerable:F4} (shipped weights on the same questions {heldShippedFirst / (double)heldAnswerable:F4})");

var final = ListwiseFit.Fit(all, start, temperature, pull);
var confidence = ConfidenceFit.Fit(all, final, shipped, shipped.Confidence);
var mimic = ConfidenceFit.Mimic(all, final, shipped);
Console.WriteLine($"fitted on all: top1 seed-dev {Ranking.Top1(final, seed):F4}, general {Ranking.Top1(final, lcqmc):F4}");
Console.WriteLine("Features = [" + string.Join(", ", final.Select(x => x.ToString("F3", CultureInfo.InvariantCulture))) + "]");
Console.WriteLine("Confidence = [" + string.Join(", ", confidence.Select(x => x.ToString("F3", CultureInfo.InvariantCulture))) + "]");
Console.WriteLine("Confidence (as the shipped one) = [" + string.Join(", ", mimic.Select(x => x.ToString("F3", CultureInfo.InvariantCulture))) + "]");
return 0;

static int StableHash(string s)
{
    unchecked
    {
        var h = (int)2166136261;
        foreach (var ch in s) h = (h ^ ch) * 16777619;
        return h;
    }
}
