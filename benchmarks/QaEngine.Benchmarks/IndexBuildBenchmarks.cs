using BenchmarkDotNet.Attributes;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.QaEngine.Benchmarks;

/// <summary>Building the index of the whole benchmark bank: one publish into a fresh engine and empty folder.</summary>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class IndexBuildBenchmarks
{
    private BankSnapshot _snapshot = null!;
    private string _indexPath = "";
    private AnswerEngine? _engine;

    [GlobalSetup]
    public void Setup() => _snapshot = BenchData.LoadBank();

    [IterationSetup]
    public void CreateEngine()
    {
        _indexPath = TempIndex.Create();
        _engine = new AnswerEngine(new QaEngineOptions { IndexPath = _indexPath });
    }

    [IterationCleanup]
    public void DisposeEngine()
    {
        _engine?.Dispose();
        TempIndex.Delete(_indexPath);
    }

    [Benchmark]
    public int Publish()
    {
        _engine!.Publish(_snapshot);
        return _engine.EntryCount;
    }
}

/// <summary>A fresh index folder per engine under the system temp folder.</summary>
internal static class TempIndex
{
    public static string Create() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "govassistant-bench-" + Guid.NewGuid().ToString("N"))).FullName;

    public static void Delete(string path)
    {
        try { if (path.Length > 0) Directory.Delete(path, recursive: true); }
        catch (IOException) { } // best effort: the system cleans temp folders too
    }
}
