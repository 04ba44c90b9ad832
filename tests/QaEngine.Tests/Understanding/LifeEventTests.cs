using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// Citizens tell what happened (我爸在医院走了, 下周去提车, 把房子给儿子) instead of naming the service it leads to. Where
/// nothing was sure, the entry for that service is offered; it is answered only where the message's words matched that
/// very entry best, and then not for a complaint or for a group of people neither is about.
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

    [Theory]
    // Written for this test: a death told with what the family must hand in (死亡 注销户口); wages owed by a boss and
    // where to sue him (拖欠工资 投诉). Each scores below the bar to answer a message of its length.
    [InlineData("我爸上周在医院走了，他的户口本要交到哪里去", "HJ-010")]
    [InlineData("老板欠了我们两个月工资不给，该去哪里告他", "JY-009")]
    // Violence at home and a divorce without money for a lawyer (家暴 法律援助), matched weakly (below the agreeing readings' bar).
    [InlineData("老公一喝酒就打我，我想离婚又请不起律师，能找法律援助吗", "FL-008")]
    public void AnEventWhoseServiceTheWordsMatchedBestIsAnswered(string message, string id) => seed.AssertAnsweredWith(message, id);

    [Fact]
    public void TheServiceOfEachEventToldIsOffered()
    {
        // A death told with the 户口 (注销户口) and with the pension (参保人去世: 丧葬补助金, 抚恤金).
        var r = seed.AssertOfferedNotAnswered("我奶奶前天过世了，她的户口要去派出所销掉吧？她的养老金是不是也要去停？", "HJ-010");
        Assert.Contains(r.Choices, c => c.Id == "SB-015");
    }

    [Fact]
    public void TwoQuestionsTellingTwoEventsAreNotAnsweredFromEither() =>
        // 退休手续 (the pension) is asked first; 退休…公积金 (drawing the fund) matched the words best.
        seed.AssertOfferedNotAnswered("我爸下个月到退休年龄，退休手续咋办？退休后公积金咋取？", "SB-004");

    [Fact]
    public void AnEventNeverAnswersWhenAnsweringIsSwitchedOff()
    {
        using var engine = new AnswerEngine(new QaEngineOptions { AnswerThreshold = 1.01 });
        engine.Publish(SeedBank.Snapshot(SeedBank.Entries));

        var r = engine.Ask("我爸上周在医院走了，他的户口本要交到哪里去");
        Assert.Equal(AnswerDecision.Clarify, r.Decision);
        Assert.Equal("HJ-010", r.Choices[0].Id);
    }

    [Fact]
    public void AComplaintTellingAnEventIsOfferedTheServiceNotAnswered() =>
        // 拖欠工资 is the wage-claim event, but a complaint names the service it complains of, not what it asks.
        seed.AssertOfferedFirst("投诉城南建筑公司拖欠我们农民工工资三个月", "JY-009");

    [Fact]
    public void AnEventToldOfSomeoneOfAGroupTheEntryIsNotForIsOfferedNotAnswered() =>
        // An agreed divorce (协议离婚) with a French wife: the usual divorce at the 民政局 is not simply hers.
        seed.AssertOfferedNotAnswered("我跟法国籍太太都同意离婚了，协议离婚去哪办理", "HY-003");

    [Fact]
    public void EveryGroupOfALineMustBeTold()
    {
        var events = LifeEvents.Load(["# 户籍", "走了|去世 & 户口|派出所 => 死亡 注销户口", "no arrow here"]);
        Assert.Empty(events.ServicesIn("他下午就走了"));
        Assert.Equal(["死亡 注销户口"], events.ServicesIn("我爸走了 派出所还要办啥"));
    }

    [Fact]
    public void TheEventsOfSeveralLinesAreEachNamed()
    {
        var services = LifeEvents.Default.ServicesIn("我爸在医院走了 户口还没销 他名下那套房子要给我儿子");
        Assert.Contains(services, s => s.Contains("注销户口"));
        Assert.Contains(services, s => s.Contains("赠与"));
    }

    // Written for this test: a home elsewhere and a passport, a certificate just earned, a company run from home.
    [Theory]
    [InlineData("我户口在外地 人在宁波打工 护照能在宁波办吗", "异地办护照 全国通办 出入境证件")]
    [InlineData("我刚考下来一个高级电工证 社保那边能领补贴吗", "技能提升补贴 证书 失业保险")]
    [InlineData("我租不起办公室 想用自己住的房子注册公司", "住宅 注册公司 经营场所")]
    // The fifth batch: a record asked for by another office, a loan the fund does not cover, a licence expiring far from
    // home, a shop selling packaged snacks.
    [InlineData("办居住证那边要看社保交了几年 这个证明去哪打", "参保证明 缴费明细 打印")]
    [InlineData("公积金额度不够 剩下的只能找银行贷", "组合贷款 公积金 商贷")]
    [InlineData("驾照是在老家考的 人在外地打工 下个月就到期了", "驾驶证 异地换证 全国通办")]
    [InlineData("开了个小卖部 想卖点饮料和袋装零食 要办什么证", "预包装食品 备案 零食 小卖部")]
    // The sixth batch: a number someone else holds too, a document left at home, an invoice a client asks for, a name
    // misprinted on the deed.
    [InlineData("银行说我的身份证号跟别人一模一样 卡都办不了", "身份证号 重号 更正")]
    [InlineData("今天出门居住证落家里了 一会办事还要用", "电子居住证 手机")]
    [InlineData("客户要求我们公司开专票 财务刚来不会弄", "数电发票 开具 公司 蓝字")]
    [InlineData("房本拿到手才发现我的名字写错了一个字", "房本 写错 更正登记 房产证")]
    public void AnEventToldNamesTheServiceItLeadsTo(string message, string service) =>
        Assert.Contains(service, LifeEvents.Default.ServicesIn(message));

    [Fact]
    public void AMessageTellingNoEventNamesNoService() =>
        Assert.Empty(LifeEvents.Default.ServicesIn("身份证丢了怎么补办"));
}
