using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests.Understanding;

[Collection(SeedEngineCollection.Name)]
public class AspectAnswerTests(SeedEngineFixture seed)
{
    [Fact]
    public void AQuestionAboutTheFeeGetsTheFeeSectionBesideTheWholeAnswer()
    {
        var r = seed.Engine.Ask("身份证丢了怎么补办，要多少钱");
        Assert.Equal("SF-001", r.Entry?.Id);
        Assert.Equal("收费", r.Aspect);
        Assert.StartsWith("**收费**", r.AnswerSection);
        Assert.Contains(r.AnswerSection!, r.Entry!.Answer);
    }

    [Theory]
    [InlineData("需要带什么材料？", "所需材料")]
    [InlineData("多久能拿到？", "办理时限")]
    public void AnAspectFollowUpIsAnsweredWithThatSectionOfThePreviousTopic(string followUp, string aspect)
    {
        var context = new ConversationContext();
        var first = seed.Engine.Ask("身份证丢了怎么补办", context);
        Assert.Equal(AnswerDecision.Answered, first.Decision);
        Assert.Null(first.Aspect);
        var r = seed.Engine.Ask(followUp, context);
        Assert.Equal(AnswerDecision.Answered, r.Decision);
        Assert.Equal(aspect, r.Aspect);
        Assert.StartsWith("**" + aspect + "**", r.AnswerSection);
    }

    [Fact]
    public void AnAspectFollowUpTheAnswerLacksStaysWithThePreviousEntryAndShowsItWhole()
    {
        var context = new ConversationContext();
        Assert.Equal("SF-001", seed.Engine.Ask("身份证丢了怎么补办", context).Entry?.Id);
        var r = seed.Engine.Ask("网上能办吗？", context);
        Assert.Equal(AnswerDecision.Answered, r.Decision);
        Assert.Equal("SF-001", r.Entry?.Id);
        Assert.True(r.UsedContext);
    }

    [Fact]
    public void ASectionRunsToTheNextLabelAndIsFoundInTraditionalAnswers()
    {
        const string answer = "说明。\n**所需材料**：户口簿、照片。\n**收費**：免費。**辦理時限**：當場。";
        Assert.Equal("**所需材料**：户口簿、照片。", AnswerAspects.SectionOf(answer, "所需材料"));
        Assert.Equal("**收費**：免費。", AnswerAspects.SectionOf(answer, "收费"));
        Assert.Null(AnswerAspects.SectionOf(answer, "办理地点"));
        Assert.Equal((null, null), AnswerAspects.Find("居住证怎么办", answer));
    }
}
