using System.Diagnostics;
using System.Globalization;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Benchmarks;

/// <summary>
/// <c>--latency</c>: builds the benchmark bank's index once (timed), warms up, then asks every lcqmc-dev query and
/// every dev query once, timing each with <see cref="Stopwatch"/>. BenchmarkDotNet reports means; the issue's
/// targets are percentiles per question, which only per-call timings give.
/// </summary>
internal static class LatencyRun
{
    private const double TargetP50Ms = 1, TargetP99Ms = 5, TargetBuildSeconds = 10;
    private const int WarmUpQuestions = 3000;

    public static int Run(TextWriter output)
    {
        var bank = BenchData.LoadBank();
        var evalQueries = BenchData.LoadEvalQueries();
        var devQueries = BenchData.LoadDevQueries();
        var phrasings = bank.Entries.Sum(e => 1 + e.SimilarQuestions.Count);
        output.WriteLine($"bank: {bank.Entries.Count:N0} entries, {phrasings:N0} phrasings (eval data: {BenchData.EvalDir})");
        output.WriteLine($"runtime: .NET {Environment.Version}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}{LoadAverage()}");

        var indexPath = TempIndex.Create();
        try
        {
            using var engine = new AnswerEngine(new QaEngineOptions { IndexPath = indexPath });
            // The lexicon (jieba dictionaries) loads on first use; load it before timing, the service does at start.
            engine.Ask("居住证怎么办理");

            var build = Stopwatch.StartNew();
            engine.Publish(bank);
            build.Stop();
            output.WriteLine($"index build: {build.Elapsed.TotalSeconds:F2} s for {engine.EntryCount:N0} entries (target ≤ {TargetBuildSeconds} s: {Verdict(build.Elapsed.TotalSeconds <= TargetBuildSeconds)})");
            PrintMemory(output, indexPath);

            var mixed = BenchData.MixedQueries();
            for (var i = 0; i < WarmUpQuestions; i++) engine.Ask(mixed[i % mixed.Length]);

            var gen0 = GC.CollectionCount(0);
            var gen2 = GC.CollectionCount(2);
            var evalTimes = Measure(engine, evalQueries, out var evalDecisions, out var evalWall);
            var devTimes = Measure(engine, devQueries, out var devDecisions, out var devWall);
            output.WriteLine($"GC during timed run: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(2) - gen2} gen2");

            output.WriteLine();
            output.WriteLine("per question, ms          n      p50     p90     p99     max    mean    q/s (1 thread)");
            PrintRow(output, "lcqmc-dev/queries", evalTimes, evalWall);
            PrintRow(output, "dev-queries", devTimes, devWall);
            var all = evalTimes.Concat(devTimes).ToArray();
            PrintRow(output, "all", all, evalWall + devWall);
            output.WriteLine();
            output.WriteLine($"decisions: {Decisions(evalDecisions.Concat(devDecisions))}");
            output.WriteLine("slowest:");
            foreach (var (ms, q) in evalTimes.Zip(evalQueries).Concat(devTimes.Zip(devQueries)).OrderByDescending(t => t.First).Take(5))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,7:F2} ms  {q}"));
            Array.Sort(all);
            output.WriteLine($"targets: p50 ≤ {TargetP50Ms} ms {Verdict(Percentile(all, 0.50) <= TargetP50Ms)}, p99 ≤ {TargetP99Ms} ms {Verdict(Percentile(all, 0.99) <= TargetP99Ms)}");
            return 0;
        }
        finally
        {
            TempIndex.Delete(indexPath);
        }
    }

    private static double[] Measure(AnswerEngine engine, IReadOnlyList<string> queries, out List<AnswerDecision> decisions, out TimeSpan wall)
    {
        var times = new double[queries.Count];
        decisions = new List<AnswerDecision>(queries.Count);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = engine.Ask(queries[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            decisions.Add(result.Decision);
        }
        wall = total.Elapsed;
        return times;
    }

    private static void PrintRow(TextWriter output, string name, double[] times, TimeSpan wall)
    {
        var sorted = times.Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-20} {sorted.Length,6} {Percentile(sorted, 0.50),8:F3} {Percentile(sorted, 0.90),7:F3} {Percentile(sorted, 0.99),7:F3} {sorted[^1],7:F2} {sorted.Average(),7:F3} {sorted.Length / wall.TotalSeconds,8:F0}"));
    }

    private static void PrintMemory(TextWriter output, string indexPath)
    {
        // Settle the heap first so the figure is what the bank keeps alive, not build garbage.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var indexBytes = new DirectoryInfo(indexPath).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        output.WriteLine($"memory after build: working set {Mb(process.WorkingSet64)} MB, GC heap {Mb(GC.GetTotalMemory(false))} MB, " +
                         $"peak working set {Mb(process.PeakWorkingSet64)} MB, index on disk {Mb(indexBytes)} MB");
    }

    /// <summary>The machine's load average when there is one to read: figures taken on a busy machine say so.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "";

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Decisions(IEnumerable<AnswerDecision> decisions) =>
        string.Join(", ", decisions.GroupBy(d => d).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("F0", CultureInfo.InvariantCulture);

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
