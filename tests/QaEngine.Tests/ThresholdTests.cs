using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>The decision thresholds come from <see cref="QaEngineOptions"/>, not from the code.</summary>
public class ThresholdTests
{
    private const string ClearQuestion = "身份证丢了怎么补办";

    // More than twenty characters; a short question (of another service: the bar depends on the length alone).
    private const string LongMessage = "我刚刚辞职了，手里有点紧张，想问一下辞职以后公积金能不能全部取出来";
    private const string ShortQuestion = "居住证要准备哪些材料";

    // Only the thresholds under test decide: the lowered bar for a named need and object is switched off.
    private static QaEngineOptions Bars(double answer, double longMessage) =>
        new() { AnswerThreshold = answer, LongMessageAnswerThreshold = longMessage, AgreedAnswerThreshold = 1 };

    private static AnswerResult AskWith(QaEngineOptions options, string question)
    {
        using var engine = new AnswerEngine(options);
        engine.Publish(SeedBank.Snapshot(SeedBank.Small));
        return engine.Ask(question);
    }

    [Fact]
    public void WithTheDefaultThresholdAClearQuestionIsAnswered() =>
        Assert.Equal(AnswerDecision.Answered, AskWith(new QaEngineOptions(), ClearQuestion).Decision);

    [Fact]
    public void AnAnswerThresholdAboveOneNeverAnswers()
    {
        var options = new QaEngineOptions { AnswerThreshold = 1.01 };
        using var engine = new AnswerEngine(options);
        engine.Publish(SeedBank.Snapshot(SeedBank.Small));

        foreach (var entry in SeedBank.Small)
            Assert.NotEqual(AnswerDecision.Answered, engine.Ask(entry.Question).Decision);
        var result = engine.Ask(ClearQuestion);
        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Contains(result.Choices, c => c.Id == "SF-001");
    }

    [Fact]
    public void BothThresholdsAboveOneGiveNoAnswerWithTheCandidatesStillListed()
    {
        var result = AskWith(new QaEngineOptions { AnswerThreshold = 1.01, ClarifyThreshold = 1.01 }, ClearQuestion);

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Equal("lowConfidence", result.Reason);
        Assert.Equal("SF-001", result.Candidates[0].Id);
    }

    [Fact]
    public void MaxClarifyChoicesLimitsTheChoicesOffered()
    {
        var result = AskWith(new QaEngineOptions { MaxClarifyChoices = 2, ClarifyScoreWindow = 10 }, "公积金");

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Equal(2, result.Choices.Count);
    }

    [Fact]
    public void AnUnsureMatchOffersAtLeastThreeChoicesWhateverTheWindow()
    {
        // No entry but the first within the window: the next two still join it.
        var result = AskWith(new QaEngineOptions { AnswerThreshold = 1.01, ClarifyScoreWindow = 0 }, ClearQuestion);

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Equal(result.Candidates.Take(3), result.Choices);
    }

    [Fact]
    public void TheFewestChoicesNeverExceedMaxClarifyChoices()
    {
        var result = AskWith(new QaEngineOptions { AnswerThreshold = 1.01, ClarifyScoreWindow = 0, MaxClarifyChoices = 2 }, ClearQuestion);

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Equal(result.Candidates.Take(2), result.Choices);
    }

    [Theory]
    [InlineData("旧车卖给亲戚，过户的时候两个人都要到场吗", "unsure")]
    [InlineData("身份证", "topic")]
    public void TheWeakOffersKeepToMaxClarifyChoices(string question, string reason)
    {
        using var engine = new AnswerEngine(new QaEngineOptions { MaxClarifyChoices = 2, ClarifyThreshold = reason == "topic" ? 1 : 0.25 });
        engine.Publish(SeedBank.Snapshot(SeedBank.Entries));

        var result = engine.Ask(question);

        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(2, result.Choices.Count);
    }

    [Fact]
    public void AFaintMatchOfAQuestionNamingAServiceIsOfferedRatherThanNothing()
    {
        // Written for this test: a long spoken story, its question (一个人带孙女去办护照得不得行) the entry about a minor's
        // passport (CR-015) matches first, if faintly.
        using var engine = new AnswerEngine(new QaEngineOptions());
        engine.Publish(SeedBank.Snapshot(SeedBank.Entries));

        var result = engine.Ask("孙女七岁，寒假想带她去泰国玩，她妈在外地打工回不来，我一个人带孙女去办护照得不得行？");

        Assert.True(result.Confidence < 0.1);
        Assert.Equal(AnswerDecision.Clarify, result.Decision);
        Assert.Contains(result.Choices, c => c.Id == "CR-015");
    }

    [Fact]
    public void MaxCandidatesLimitsTheCandidatesReturned() =>
        Assert.Single(AskWith(new QaEngineOptions { MaxCandidates = 1 }, ClearQuestion).Candidates);

    [Fact]
    public void ALongMessageIsAnsweredFromTheLongMessageBar()
    {
        var heldToTheAnswerBar = AskWith(Bars(answer: 1, longMessage: 1), LongMessage);
        var lowered = AskWith(Bars(answer: 1, longMessage: 0.3), LongMessage);

        Assert.NotEqual(AnswerDecision.Answered, heldToTheAnswerBar.Decision);
        Assert.Equal(AnswerDecision.Answered, lowered.Decision);
        Assert.Equal("GJ-003", lowered.Entry!.Id);
    }

    [Fact]
    public void AShortQuestionIsHeldToTheAnswerBarWhateverTheLongMessageBar()
    {
        var result = AskWith(Bars(answer: 1, longMessage: 0.3), ShortQuestion);

        Assert.True(result.Confidence is >= 0.3 and < 1, $"confidence {result.Confidence}");
        Assert.NotEqual(AnswerDecision.Answered, result.Decision);
    }

    [Fact]
    public void AnAnswerThresholdAboveOneSwitchesTheLongMessageBarOffToo() =>
        Assert.NotEqual(AnswerDecision.Answered, AskWith(Bars(answer: 1.01, longMessage: 0.3), LongMessage).Decision);
}
