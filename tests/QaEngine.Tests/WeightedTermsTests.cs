using GovAssistant.QaEngine.Indexing;
using GovAssistant.QaEngine.Ranking;

namespace GovAssistant.QaEngine.Tests;

/// <summary>
/// The re-ranker finds a phrasing's terms in the question by the numbers the bank's statistics give them: every
/// term must be found at the same position as by its text, and a term the question lacks never.
/// </summary>
public sealed class WeightedTermsTests
{
    private static TermStatistics StatisticsOf(IEnumerable<string[]> phrasings)
    {
        var stats = new TermStatistics();
        foreach (var p in phrasings) stats.Add(p.Distinct());
        return stats;
    }

    [Fact]
    public void EveryTermIsFoundByItsNumberAtItsPlaceInTheQuestion()
    {
        // Enough terms to fill the table's slots past its first probe, so collisions are walked.
        var vocabulary = Enumerable.Range(0, 500).Select(i => $"词{i}").ToArray();
        var stats = StatisticsOf(vocabulary.Chunk(7));
        var question = vocabulary.Where((_, i) => i % 3 == 0).Append("词0").Append("从未见过").Append("从未见过").ToArray();
        var distinct = question.Distinct().ToList();

        var terms = new WeightedTerms(question, stats);

        foreach (var term in vocabulary)
            Assert.Equal(distinct.IndexOf(term), terms.PositionOf(stats.IdOf(term)));
        Assert.Equal(distinct.Count, terms.Count);
        Assert.Equal(stats.Idf("从未见过"), terms.Idf[distinct.IndexOf("从未见过")]);
        Assert.Equal(-1, stats.IdOf("从未见过"));
        Assert.Equal(-1, terms.PositionOf(-1));
    }

    [Fact]
    public void AWordOnlyAnAnswerUsesIsNumberedButNotCountedAsAPhrasingWord()
    {
        var stats = StatisticsOf([["居住证", "怎么", "办理"], ["护照", "怎么", "办理"]]);
        var id = stats.Register("签注");

        Assert.Equal(id, stats.IdOf("签注"));
        Assert.False(stats.Contains("签注"));
        Assert.True(stats.Contains("护照"));
        Assert.Equal(stats.Idf("从未见过"), stats.IdfOfId(id));
        Assert.True(stats.IdfOfId(stats.IdOf("怎么")) < stats.IdfOfId(stats.IdOf("护照")));
    }

    [Fact]
    public void CoverageByNumbersWeighsTheQuestionsTermsFoundThere()
    {
        var stats = StatisticsOf([["居住证", "怎么", "办理"], ["护照", "怎么", "办理"], ["社保", "断缴"]]);
        var terms = new WeightedTerms(["护照", "怎么", "办理"], stats);

        var all = terms.CoverageBy(stats.IdsOf(["护照", "怎么", "办理", "社保"]));
        var withoutPassport = terms.CoverageBy(stats.IdsOf(["怎么", "办理"]));

        Assert.Equal(1.0, all, 9);
        Assert.Equal((terms.Idf[1] + terms.Idf[2]) / terms.Total, withoutPassport, 9);
    }
}
