using GovAssistant.ChatHub.Insights;
using GovAssistant.QaEngine.Analysis;

namespace GovAssistant.ChatHub.Tests.Insights;

public class QuestionClustererTests
{
    private static readonly string[] Dogs = ["养狗要办狗证吗", "狗证在哪里办理", "给家里的狗办狗证需要什么", "办狗证要多少钱", "狗证怎么办"];
    private static readonly string[] EBikes = ["电动车怎么上牌", "电动自行车上牌需要什么材料", "新买的电动车去哪里上牌", "电动车上牌要带什么", "电动车上牌流程"];
    private static readonly string[] ParkCards = ["公园年卡怎么办理", "老人公园年卡在哪里办", "公园年卡多少钱", "办公园年卡需要什么证件"];
    private static readonly string[] Noise = ["今天天气怎么样", "附近有什么好吃的", "你们几点下班"];

    private static QuestionClusterer Clusterer() => new(TextAnalysis.CreateDefault(), new InsightsOptions().ClusterSimilarity);

    [Fact]
    public void PlantedParaphrasesOfThreeIntentsFormThreeClustersWithTheirMembersAndCounts()
    {
        // Interleaved, as they would arrive over a week, with noise between them.
        var planted = new[] { Dogs, EBikes, ParkCards, Noise }
            .SelectMany((texts, intent) => texts.Select((t, i) => (Text: t, Order: i * 4 + intent)))
            .OrderBy(x => x.Order)
            .Select((x, i) => new ClusterInput(i + 1, x.Text))
            .ToList();

        var clusters = Clusterer().Cluster(planted);

        var groups = clusters.Where(c => c.Count > 1).ToList();
        Assert.Equal(3, groups.Count);
        Assert.Equal([5, 5, 4], groups.Select(c => c.Count));
        foreach (var intent in new[] { Dogs, EBikes, ParkCards })
        {
            var cluster = Assert.Single(groups, c => c.Members.Any(m => m.Text == intent[0]));
            Assert.Equal(intent.Order(StringComparer.Ordinal), cluster.Members.Select(m => m.Text).Order(StringComparer.Ordinal));
        }
        // Noise stays alone.
        Assert.All(clusters.Where(c => c.Members.Any(m => Noise.Contains(m.Text))), c => Assert.Equal(1, c.Count));
    }

    [Fact]
    public void TheSameInputGivesTheSameClustersEveryTime()
    {
        var input = Dogs.Concat(EBikes).Concat(Noise).Select((t, i) => new ClusterInput(i + 1, t)).ToList();
        var first = Clusterer().Cluster(input);
        var second = Clusterer().Cluster(input);
        Assert.Equal(first.Select(c => string.Join(",", c.Members.Select(m => m.Id))), second.Select(c => string.Join(",", c.Members.Select(m => m.Id))));
    }

    [Fact]
    public void RepeatedPhrasingsAreCountedAndTheCommonestLabelsTheCluster()
    {
        var input = new[] { "狗证在哪里办理", "办狗证要多少钱", "办狗证要多少钱", "狗证怎么办", "办狗证要多少钱" }
            .Select((t, i) => new ClusterInput(i + 1, t)).ToList();

        var cluster = Assert.Single(Clusterer().Cluster(input));

        Assert.Equal(5, cluster.Count);
        Assert.Equal("办狗证要多少钱", cluster.Label);
        Assert.Equal(new Phrasing("办狗证要多少钱", 3), cluster.Phrasings[0]);
        Assert.Equal("1", cluster.Key);
    }

    [Fact]
    public void QuestionsWithNothingSearchableAreLeftOut()
    {
        var clusters = Clusterer().Cluster([new ClusterInput(1, "？？？"), new ClusterInput(2, "狗证怎么办")]);
        Assert.Equal([2L], clusters.SelectMany(c => c.Members).Select(m => m.Id));
    }
}
