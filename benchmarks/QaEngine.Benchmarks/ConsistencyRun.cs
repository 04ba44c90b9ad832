using System.Diagnostics;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Consistency;

namespace GovAssistant.QaEngine.Benchmarks;

/// <summary>
/// <c>--consistency</c>: the consistency checker over the benchmark bank, timed cold (every entry analysed) and warm
/// (a second run after one answer changed, as after a publish), with the number of flags and the memory it took.
/// </summary>
internal static class ConsistencyRun
{
    public static int Run(TextWriter output)
    {
        var bank = BenchData.LoadBank();
        output.WriteLine($"bank: {bank.Entries.Count:N0} entries (eval data: {BenchData.EvalDir}), {Environment.ProcessorCount} cores");
        var checker = new ConsistencyChecker(TextAnalysis.CreateDefault());
        checker.Check([bank.Entries[0]]); // loads the jieba dictionaries before timing

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var cold = Stopwatch.StartNew();
        var flags = checker.Check(bank.Entries);
        cold.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"cold run: {cold.Elapsed.TotalSeconds:F2} s, {flags.Count} flags, {(after - before) / 1048576.0:F0} MB kept for the next run");

        var changed = bank.Entries.ToList();
        changed[^1] = changed[^1] with { Answer = changed[^1].Answer + "（已更新）" };
        var warm = Stopwatch.StartNew();
        flags = checker.Check(changed);
        warm.Stop();
        output.WriteLine($"warm run after one change: {warm.Elapsed.TotalSeconds:F2} s, {flags.Count} flags");
        foreach (var f in flags.Take(5))
            output.WriteLine($"  {f.First.Id} ~ {f.Second.Id} similarity {f.Similarity:F2}: {string.Join(", ", f.Conflicts.Select(c => c.Kind))}");
        return 0;
    }
}
