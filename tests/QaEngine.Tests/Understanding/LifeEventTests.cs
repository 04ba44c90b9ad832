using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// Citizens tell what happened (我爸在医院走了, 下周去提车, 把房子给儿子) instead of naming the service it leads to. Where
/// nothing was sure, the entry for that service is offered; it is never answered from.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class LifeEventTests(SeedEngineFixture seed)
{
    [Theory]
    // Written for this test: a death told with the office where the family goes; a new car to be collected; a house to be
    // given to a son; a child's deafness and "a certificate" the doctor spoke of.
    [InlineData("我爸前天在医院走了，丧事也办完了，他的户口在朝阳区，我们家属还要去派出所办什么手续吗", "HJ-010")]
    [InlineData("下周去4S店提车，第一次买车，提回来以后要办什么手续才能开上路", "JT-004")]
    [InlineData("我们老两口想趁身体还好，把住的这套房子给儿子，要去办什么手续", "BD-008")]
    [InlineData("孩子三岁了还不会说话，医院查出来是重度听力障碍，医生说可以去办个证，这个证怎么办", "CJ-001")]
    // A grandfather past ninety and "money the government gives every month" (the old-age allowance).
    [InlineData("我爷爷今年九十多了，听村里人说政府每个月会给点钱，不知道要去哪里弄，要带啥", "YL-001")]
    public void TheServiceALifeEventLeadsToIsOffered(string message, string id)
    {
        var r = seed.Engine.Ask(message);
        Assert.Equal(AnswerDecision.Clarify, r.Decision);
        Assert.Contains(r.Choices, c => c.Id == id);
        Assert.InRange(r.Choices.Count, 2, 5);
    }

    [Fact]
    public void EveryGroupOfALineMustBeTold()
    {
        var events = LifeEvents.Load(["# 户籍", "走了|去世 & 户口|派出所 => 死亡 注销户口", "no arrow here"]);
        Assert.Equal("", events.ServiceWordsIn("他下午就走了"));
        Assert.Equal("死亡 注销户口", events.ServiceWordsIn("我爸走了 派出所还要办啥"));
    }

    [Fact]
    public void TheEventsOfSeveralLinesAreAllNamed()
    {
        var words = LifeEvents.Default.ServiceWordsIn("我爸在医院走了 户口还没销 他名下那套房子要给我儿子");
        Assert.Contains("注销户口", words);
        Assert.Contains("赠与", words);
    }

    [Fact]
    public void AMessageTellingNoEventNamesNoService() =>
        Assert.Equal("", LifeEvents.Default.ServiceWordsIn("身份证丢了怎么补办"));
}
