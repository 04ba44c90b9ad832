using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// An entry about something that did not happen (没能用医保直接结算, 公司不给交社保, 一直没有户口) answers only a message
/// that tells something did not happen; one asking how to do that very thing is a near miss.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class NegationTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("看病时没能用医保直接结算 事后怎么手工报销", "在广州看病怎么才能直接用医保结算", true)]
    // 能不能, 是不是ask both ways: no negation told.
    [InlineData("看病时没能用医保直接结算 事后怎么手工报销", "在广州看病能不能直接用医保结算", true)]
    [InlineData("看病时没能用医保直接结算 事后怎么手工报销", "当时没刷上医保 自己垫了钱 回来怎么报", false)]
    [InlineData("公司不给员工交社保怎么投诉", "公司一直拖着社保", false)]
    [InlineData("一直没有户口的人怎么上户口", "收养孩子怎么办登记", true)]
    [InlineData("一直没有户口的人怎么上户口", "孩子十岁了还没上户口", false)]
    // 未成年人 names who, not what did not happen.
    [InlineData("未成年人办护照需要家长陪同吗", "孩子办护照要带什么", false)]
    public void AnEntryAboutWhatDidNotHappenNeedsAMessageTellingIt(string entryQuestion, string message, bool nearMiss) =>
        Assert.Equal(nearMiss, Negations.PremiseNotToldIn(entryQuestion, message));

    [Fact]
    public void AskingHowToSettleDirectlyIsNotAnsweredWithTheManualClaim() =>
        // Written for this test: a retired mother living with her child in another city, asking how to settle there.
        seed.AssertOfferedNotAnswered("我妈退休后搬来广州跟我们长住，她的医保是湖南的，在广州看病怎么才能直接结算", "YB-003");

    [Fact]
    public void APaymentThatWasNotSettledIsAnsweredWithTheManualClaim() =>
        seed.AssertAnsweredWith("当时在医院没刷上医保，自己垫了钱，回来怎么报销", "YB-013");
}
