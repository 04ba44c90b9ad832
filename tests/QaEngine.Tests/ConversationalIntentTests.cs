using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>Turns that are not questions for the bank: asking for a person, greetings, thanks, goodbyes.</summary>
[Collection(SeedEngineCollection.Name)]
public class ConversationalIntentTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("人工")]
    [InlineData("转人工")]
    [InlineData("人工客服")]
    [InlineData("我要找客服")]
    [InlineData("找人工")]
    [InlineData("我要人工")]
    [InlineData("人工呢")]
    [InlineData("人工！！")]
    [InlineData("轉人工")]
    [InlineData("客服")]
    [InlineData("人工服务")]
    [InlineData("我要转人工，身份证的问题你们回答不了")]
    public void AskingForAPersonIsAHumanRequest(string question)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.HumanRequested, result.Decision);
        Assert.Null(result.Entry);
        Assert.False(string.IsNullOrWhiteSpace(result.Reply));
    }

    [Theory]
    [InlineData("人工智能是什么")]
    [InlineData("人工智能")]
    [InlineData("人工授精能用医保报销吗")]
    [InlineData("人工费怎么算")]
    public void WordsContainingRenGongAreNotAHumanRequest(string question)
    {
        var result = seed.Engine.Ask(question);

        Assert.NotEqual(AnswerDecision.HumanRequested, result.Decision);
        Assert.NotEqual(AnswerDecision.SmallTalk, result.Decision);
    }

    [Fact]
    public void AskingWhatArtificialIntelligenceIsIsNotAnsweredFromTheBank() =>
        Assert.NotEqual(AnswerDecision.Answered, seed.Engine.Ask("人工智能是什么").Decision);

    [Theory]
    [InlineData("办事大厅的工作人员几点上班")]
    [InlineData("派出所工作人员态度不好怎么投诉")]
    [InlineData("我想找个人帮我代办身份证")]
    public void AQuestionMentioningStaffIsSearchedNotRoutedToAHuman(string question) =>
        Assert.NotEqual(AnswerDecision.HumanRequested, seed.Engine.Ask(question).Decision);

    [Theory]
    [InlineData("你好", "greeting")]
    [InlineData("您好", "greeting")]
    [InlineData("侬好", "greeting")]
    [InlineData("你好呀", "greeting")]
    [InlineData("在吗", "greeting")]
    [InlineData("ＨＥＬＬＯ", "greeting")]
    [InlineData("谢谢", "thanks")]
    [InlineData("谢谢你", "thanks")]
    [InlineData("好的谢谢", "thanks")]
    [InlineData("再见", "goodbye")]
    [InlineData("拜拜", "goodbye")]
    [InlineData("好的", "acknowledge")]
    [InlineData("你是机器人吗", "about")]
    [InlineData("你是谁", "about")]
    [InlineData("你能做什么", "about")]
    [InlineData("你是人工智能吗", "about")]
    public void GreetingsThanksAndGoodbyesAreSmallTalk(string turn, string kind)
    {
        var result = seed.Engine.Ask(turn);

        Assert.Equal(AnswerDecision.SmallTalk, result.Decision);
        Assert.Equal(kind, result.Reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Reply));
        Assert.Null(result.Entry);
    }

    [Theory]
    [InlineData("你好，身份证丢了怎么补办", "SF-001")]
    [InlineData("谢谢！户口本丢了怎么补办", "HJ-004")]
    public void AGreetingBeforeARealQuestionDoesNotHideTheQuestion(string question, string id)
    {
        var result = seed.Engine.Ask(question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(id, result.Entry!.Id);
    }

    [Theory]
    [InlineData("行驶证丢了怎么补")]
    [InlineData("好的营业执照怎么办")]
    public void AWordStartingLikeSmallTalkIsNotSmallTalk(string question) =>
        Assert.NotEqual(AnswerDecision.SmallTalk, seed.Engine.Ask(question).Decision);
}
