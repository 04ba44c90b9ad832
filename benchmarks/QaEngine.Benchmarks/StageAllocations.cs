using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Indexing;
using GovAssistant.QaEngine.Ranking;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Benchmarks;

/// <summary>
/// <c>--stages</c>: bytes allocated per question by each stage of <see cref="AnswerEngine.Ask"/> (reading the
/// message, analysis, recall, re-ranking) and by the whole call, over the mixed queries on the benchmark bank. Tells
/// where the allocations BenchmarkDotNet reports for <see cref="AskBenchmarks"/> come from.
/// </summary>
internal static class StageAllocations
{
    public static int Run(TextWriter output)
    {
        var queries = BenchData.MixedQueries();
        var analysis = TextAnalysis.CreateDefault();
        var indexPath = TempIndex.Create();
        try
        {
            using var engine = new AnswerEngine(new QaEngineOptions { IndexPath = indexPath }, analysis);
            engine.Publish(BenchData.LoadBank());
            using var index = new FaqIndex(analysis, Path.Combine(indexPath, "stages"));
            index.Publish(BenchData.LoadBank());
            var reranker = new Reranker(RankingWeights.Default);
            var reader = QuestionReader.Default;
            var options = new QaEngineOptions();

            long read = 0, analyse = 0, recall = 0, rank = 0, whole = 0;
            var n = 0;
            for (var round = 0; round < 2; round++)
            {
                // The first round warms up (JIT, caches); only the second is counted.
                if (round == 1) (read, analyse, recall, rank, whole, n) = (0, 0, 0, 0, 0, 0);
                foreach (var q in queries.Take(3000))
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var r = reader.Read(q);
                    var t1 = GC.GetAllocatedBytesForCurrentThread();
                    var analyzed = analysis.AnalyzeNormalized(r.Core.Length > 0 ? r.Core : analysis.Normalizer.Normalize(q));
                    var t2 = GC.GetAllocatedBytesForCurrentThread();
                    var hits = index.Recall(analyzed, AnswerEngine.RecallWeights, options.RecallDocuments, options.RerankEntries);
                    var t3 = GC.GetAllocatedBytesForCurrentThread();
                    reranker.Rank(analyzed, hits, index.Bank);
                    var t4 = GC.GetAllocatedBytesForCurrentThread();
                    engine.Ask(q);
                    var t5 = GC.GetAllocatedBytesForCurrentThread();
                    read += t1 - before; analyse += t2 - t1; recall += t3 - t2; rank += t4 - t3; whole += t5 - t4;
                    n++;
                }
            }
            output.WriteLine($"allocated per question over {n:N0} questions (KB): read {Kb(read, n)}, analyse {Kb(analyse, n)}, recall {Kb(recall, n)}, re-rank {Kb(rank, n)}; whole Ask {Kb(whole, n)}");
            return 0;
        }
        finally
        {
            TempIndex.Delete(indexPath);
        }
    }

    private static string Kb(long bytes, int n) => (bytes / 1024.0 / n).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
