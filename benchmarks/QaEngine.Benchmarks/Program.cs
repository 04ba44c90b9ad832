using BenchmarkDotNet.Running;
using GovAssistant.QaEngine.Benchmarks;

// --latency: per-question percentiles and index build time, measured directly (see LatencyRun).
// --consistency: the consistency checker over the benchmark bank, cold and after one change (see ConsistencyRun).
// --stages: bytes allocated per question by each stage of Ask (see StageAllocations).
// Anything else goes to BenchmarkDotNet, e.g. --filter '*' or --filter '*Segmentation*'.
try
{
    if (args.Contains("--latency")) return LatencyRun.Run(Console.Out);
    if (args.Contains("--consistency")) return ConsistencyRun.Run(Console.Out);
    if (args.Contains("--stages")) return StageAllocations.Run(Console.Out);

    // Fail here, with the message, rather than in each benchmark's child process.
    BenchData.EnsureAvailable();
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
catch (BenchDataException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
