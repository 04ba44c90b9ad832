using BenchmarkDotNet.Attributes;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.QaEngine.Benchmarks;

/// <summary>
/// <see cref="AnswerEngine.Ask"/> over the whole benchmark bank with an on-disk index, as the service runs it.
/// Each invocation asks the next 64 questions of a ring of every lcqmc-dev and dev query, so the mean covers
/// thousands of distinct questions rather than one cached path. Per-question percentiles: <c>--latency</c>.
/// </summary>
[MemoryDiagnoser]
// More warm-up than ShortRun: the first rounds still run tier-0 code and touch the index for the first time.
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 10)]
public class AskBenchmarks
{
    private const int Batch = 64;

    private string[] _queries = [];
    private int _next;
    private string _indexPath = "";
    private AnswerEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _queries = BenchData.MixedQueries();
        _indexPath = TempIndex.Create();
        _engine = new AnswerEngine(new QaEngineOptions { IndexPath = _indexPath });
        _engine.Publish(BenchData.LoadBank());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        TempIndex.Delete(_indexPath);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Ask()
    {
        var n = 0;
        for (var i = 0; i < Batch; i++)
        {
            n += _engine.Ask(_queries[_next]).Candidates.Count;
            _next = (_next + 1) % _queries.Length;
        }
        return n;
    }
}
