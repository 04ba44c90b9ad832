using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>Multi-turn: a follow-up that names only an aspect is read in the topic of the previous answer.</summary>
[Collection(SeedEngineCollection.Name)]
public class FollowUpTests(SeedEngineFixture seed)
{
    private const string FollowUp = "需要带什么材料？";

    [Fact]
    public void AFollowUpIsAnsweredInTheTopicOfThePreviousAnswer()
    {
        var context = new ConversationContext();

        var first = seed.Engine.Ask("居住证怎么办理", context);
        var second = seed.Engine.Ask(FollowUp, context);

        Assert.Equal(AnswerDecision.Answered, first.Decision);
        Assert.Equal("JZ-001", first.Entry!.Id);
        Assert.Equal(AnswerDecision.Answered, second.Decision);
        Assert.True(second.UsedContext);
        Assert.StartsWith("JZ", second.Entry!.Id);
    }

    [Theory]
    [InlineData("在哪里办？")]
    [InlineData("要多久？")]
    public void OtherAspectsAreAnsweredInTheTopicToo(string followUp)
    {
        var context = new ConversationContext();
        seed.Engine.Ask("居住证怎么办理", context);

        var result = seed.Engine.Ask(followUp, context);

        Assert.True(result.UsedContext);
        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.StartsWith("JZ", result.Entry!.Id);
    }

    [Fact]
    public void AFollowUpWithoutContextIsNotAnsweredOutright()
    {
        var result = seed.Engine.Ask(FollowUp);

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Equal("noTopic", result.Reason);
        Assert.Null(result.Entry);
        Assert.False(result.UsedContext);
    }

    // 东西, 证件, 得: what to bring in everyday words names no service either (before: 要带啥东西 → 结婚登记材料, 0.97).
    [Theory]
    [InlineData("要带啥东西")]
    [InlineData("得准备啥东西")]
    [InlineData("要带哪些证件")]
    public void AnEverydayFollowUpWithoutContextIsNotAnsweredWithSomeEntry(string followUp)
    {
        var result = seed.Engine.Ask(followUp);

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Equal("noTopic", result.Reason);
    }

    [Fact]
    public void AnEverydayFollowUpIsAnsweredInTheTopicOfThePreviousAnswer()
    {
        var context = new ConversationContext();
        seed.Engine.Ask("居住证怎么办理", context);

        var result = seed.Engine.Ask("要带啥东西", context);

        Assert.True(result.UsedContext);
        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal("JZ-001", result.Entry!.Id);
    }

    [Fact]
    public void AFollowUpInAFreshConversationIsNotAnsweredOutright()
    {
        var result = seed.Engine.Ask(FollowUp, new ConversationContext());

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Equal("noTopic", result.Reason);
    }

    [Fact]
    public void TwoConversationsDoNotShareTheirTopics()
    {
        var residence = new ConversationContext();
        var fund = new ConversationContext();
        var untouched = new ConversationContext();

        Assert.Equal("JZ-001", seed.Engine.Ask("居住证怎么办理", residence).Entry?.Id);
        Assert.Equal("GJ-001", seed.Engine.Ask("买房了怎么提取住房公积金", fund).Entry?.Id);
        var inResidence = seed.Engine.Ask(FollowUp, residence);
        var inFund = seed.Engine.Ask(FollowUp, fund);
        var inUntouched = seed.Engine.Ask(FollowUp, untouched);

        Assert.StartsWith("JZ", inResidence.Entry!.Id);
        Assert.StartsWith("GJ", inFund.Entry!.Id);
        Assert.Equal("noTopic", inUntouched.Reason);
        Assert.Equal("JZ-001", residence.TopicEntryId);
        Assert.StartsWith("GJ", fund.TopicEntryId);
        Assert.Null(untouched.TopicEntryId);
    }

    [Fact]
    public void ANewQuestionWithItsOwnTopicIgnoresThePreviousTopic()
    {
        var context = new ConversationContext();
        seed.Engine.Ask("居住证怎么办理", context);

        var result = seed.Engine.Ask("户口本丢了怎么补办", context);

        Assert.False(result.UsedContext);
        Assert.Equal("HJ-004", result.Entry?.Id);
        Assert.Equal("HJ-004", context.TopicEntryId);
    }

    [Fact]
    public void TheTopicIsForgottenAfterSeveralOtherTurns()
    {
        var context = new ConversationContext();
        seed.Engine.Ask("居住证怎么办理", context);
        for (var i = 0; i < 4; i++) seed.Engine.Ask("你好", context);

        var result = seed.Engine.Ask(FollowUp, context);

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Equal("noTopic", result.Reason);
    }

    [Fact]
    public void ClearingTheTopicMakesTheNextFollowUpUnanswered()
    {
        var context = new ConversationContext();
        seed.Engine.Ask("居住证怎么办理", context);

        context.ClearTopic();
        var result = seed.Engine.Ask(FollowUp, context);

        Assert.Equal("noTopic", result.Reason);
    }

    [Fact]
    public void UnansweredTurnsInARowAreCountedAndResetByAnAnswer()
    {
        var context = new ConversationContext();

        seed.Engine.Ask("今天天气怎么样", context);
        seed.Engine.Ask("世界杯谁赢了", context);
        Assert.Equal(2, context.ConsecutiveNoAnswers);

        seed.Engine.Ask("身份证丢了怎么补办", context);
        Assert.Equal(0, context.ConsecutiveNoAnswers);
    }
}
