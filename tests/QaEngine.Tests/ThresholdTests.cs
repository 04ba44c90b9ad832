using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>The decision thresholds come from <see cref="QaEngineOptions"/>, not from the code.</summary>
public class ThresholdTests
{
    private const string ClearQuestion = "身份证丢了怎么补办";

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
    public void MaxCandidatesLimitsTheCandidatesReturned() =>
        Assert.Single(AskWith(new QaEngineOptions { MaxCandidates = 1 }, ClearQuestion).Candidates);
}
