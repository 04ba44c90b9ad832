using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// A service that moves someone or something one way (父母投靠子女, 香港驾照换内地驾照, 个体户转成公司) does not answer the
/// same words the other way round: that is another service, offered but not answered.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class DirectionTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("子女投靠父母落户的条件", "HJ-006")]
    [InlineData("内地驾照能换成香港驾照吗", "GA-012")]
    [InlineData("公司想转成个体户怎么办", "QY-017")]
    [InlineData("职工养老保险能转成城乡居民养老保险吗", "SB-019")]
    public void TheOtherWayRoundIsOfferedNotAnswered(string question, string entry) =>
        seed.AssertOfferedFor(question, "direction", entry);

    [Fact]
    public void TheOtherWayRoundInTheCitizensOwnVerbIsNotAnswered() =>
        seed.AssertOfferedNotAnswered("这两年生意不好，想把有限公司改回个体户，可以直接转吗", "QY-017");

    [Theory]
    [InlineData("父母投靠子女落户的条件", "HJ-006")]
    [InlineData("香港驾照换内地驾照要什么材料", "GA-012")]
    [InlineData("个体户怎么转成公司", "QY-017")]
    public void TheSameWayIsAnswered(string question, string entry) => seed.AssertAnsweredWith(question, entry);

    [Theory]
    [InlineData("父母年纪大了能把户口投靠到子女这里吗", "子女投靠父母", true)]
    [InlineData("父母年纪大了能把户口投靠到子女这里吗", "我想把我妈的户口投靠到我这里", false)]
    // Both sides before the verb say nothing of which way: 持香港驾照，想在内地开车，换证….
    [InlineData("香港驾照可以换内地驾照吗", "持香港驾照想在内地开车换证要考试吗", false)]
    [InlineData("香港驾照可以换内地驾照吗", "内地驾照换香港驾照", true)]
    // 城乡居民 is one side, not 居民 of it and another.
    [InlineData("城乡居民养老保险能转成职工养老保险吗", "城乡居民养老保险转职工养老保险", false)]
    // The citizen's own verb says which way as well: 改回, 变成.
    [InlineData("个体户想转成公司怎么办", "生意不好想把有限公司改回个体户，能直接转回去吗", true)]
    [InlineData("个体户想转成公司怎么办", "小店做大了想把个体户变成公司", false)]
    [InlineData("父母年纪大了能把户口投靠到子女这里吗", "孩子爸妈在外打工，想把娃的户口迁到我们老两口这", true)]
    [InlineData("父母年纪大了能把户口投靠到子女这里吗", "想把爸妈的户口迁到我这里来", false)]
    public void OnlyTheSameTwoSidesCrossingTheVerbTheOtherWayReverse(string entryQuestion, string message, bool reverses) =>
        Assert.Equal(reverses, Directions.Reverses(entryQuestion, message));
}
