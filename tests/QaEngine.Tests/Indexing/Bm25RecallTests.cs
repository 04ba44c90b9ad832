using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Indexing;

namespace GovAssistant.QaEngine.Tests.Indexing;

/// <summary>
/// The recall search scores documents itself instead of running a Lucene query (to stop allocating ~15 KB per query
/// term); it must find exactly what Lucene's BM25 disjunction of boosted term queries finds, with the same scores.
/// </summary>
public sealed class Bm25RecallTests
{
    private static readonly TextAnalysis Analysis = TextAnalysis.CreateDefault();
    private static readonly RecallWeights Weights = AnswerEngine.RecallWeights;

    [Fact]
    public void EveryPhrasingOfTheSeedBankRecallsTheDocumentsAndScoresLuceneDoes()
    {
        using var index = new FaqIndex(Analysis, path: null);
        index.Publish(SeedBank.Snapshot(SeedBank.Entries));

        var compared = AssertSameAsLucene(index, Questions());

        Assert.True(compared > 1000, $"only {compared} questions compared");
    }

    [Fact]
    public void AfterEntriesAreChangedAndDeletedAcrossSegmentsTheScoresStillMatchLucene()
    {
        var folder = Directory.CreateTempSubdirectory("govassistant-recall-");
        try
        {
            AssertChangedBankMatchesLucene(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertChangedBankMatchesLucene(string path)
    {
        using var index = new FaqIndex(Analysis, path);
        index.Publish(SeedBank.Snapshot(SeedBank.Entries));
        // Searched before the change too: the first segment's postings, decoded then, must honour the deletions to come.
        AssertSameAsLucene(index, Questions().Take(50));
        // A second publish re-indexes changed entries into a new segment and deletes their old documents: statistics
        // then span two segments and count deleted documents, as Lucene's do.
        var changed = SeedBank.Entries
            .Where((_, i) => i % 7 != 0)
            .Select((e, i) => i % 5 == 0 ? e with { Answer = e.Answer + "（已更新）", SimilarQuestions = [.. e.SimilarQuestions, e.Question + "呢"] } : e);
        index.Publish(SeedBank.Snapshot(changed, revision: 2));

        var compared = AssertSameAsLucene(index, Questions().Take(600));

        Assert.True(compared > 500, $"only {compared} questions compared");
    }

    [Fact]
    public void AQuestionWithNoWordOfTheBankRecallsNothing()
    {
        using var index = new FaqIndex(Analysis, path: null);
        index.Publish(SeedBank.Snapshot(SeedBank.Small));

        Assert.Empty(index.Recall(Analysis.Analyze("zzqx"), Weights, 150, 20));
    }

    // Seed phrasings, and longer texts made of answers' openings: many terms per query, common and rare.
    private static IEnumerable<string> Questions() =>
        SeedBank.Entries.SelectMany(e => e.SimilarQuestions.Prepend(e.Question))
            .Concat(SeedBank.Entries.Select(e => e.Answer[..Math.Min(e.Answer.Length, 80)]));

    private static int AssertSameAsLucene(FaqIndex index, IEnumerable<string> questions)
    {
        var compared = 0;
        foreach (var q in questions)
        {
            var analyzed = Analysis.Analyze(q);
            if (analyzed.IsEmpty) continue;
            var expected = index.RecallByLuceneQuery(analyzed, Weights, 150);
            var actual = index.RecallDocuments(analyzed, Weights, 150);

            Assert.True(expected.Count == actual.Count, $"“{q}”: Lucene found {expected.Count} documents, recall {actual.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i].Doc == actual[i].Doc && Math.Abs(expected[i].Score - actual[i].Score) <= 1e-5f * expected[i].Score,
                    $"“{q}” #{i}: Lucene doc {expected[i].Doc} ({expected[i].Score}), recall doc {actual[i].Doc} ({actual[i].Score})");
            }
            compared++;
        }
        return compared;
    }
}
