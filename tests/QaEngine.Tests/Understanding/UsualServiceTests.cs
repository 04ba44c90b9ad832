using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Text;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// A question asking for a service by its name alone wants the usual service, never an entry about a particular case
/// of it (小孩能办居住证吗, 不在户口所在地能办身份证吗) however close its words.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class UsualServiceTests(SeedEngineFixture seed)
{
    private AnswerResult Ask(string q) => seed.Engine.Ask(q);

    private static bool AsksOnlyByName(string q) => UsualService.Default.AsksOnlyByName(TextNormalizer.Default.Normalize(q));

    [Theory]
    [InlineData("可以办居住证吗")]
    [InlineData("身份证可以补办吗")]
    [InlineData("我能办护照吗")]
    [InlineData("办居住证")]
    [InlineData("办居住证需要什么材料")]
    [InlineData("护照在哪里办")]
    public void AQuestionNamingOnlyTheServiceAsksByName(string q) => Assert.True(AsksOnlyByName(q));

    [Theory]
    [InlineData("小孩能办居住证吗")]
    [InlineData("产假多少天")]
    [InlineData("办护照要多少钱")]
    [InlineData("异地可以补办身份证吗")]
    [InlineData("可以申请吗")]
    [InlineData("身份证掰断了咋办")]
    public void AQuestionSayingMoreThanTheServiceDoesNotAskByName(string q) => Assert.False(AsksOnlyByName(q));

    [Theory]
    [InlineData("可以办居住证吗", "JZ-013", "JZ-001")]
    [InlineData("身份证可以补办吗", "SF-004", "SF-001")]
    [InlineData("可以办残疾人证吗", "CJ-015", "CJ-001")]
    [InlineData("我能办护照吗", "CR-008", "CR-001")]
    [InlineData("办残疾证需要什么材料", "CJ-019", "CJ-001")]
    public void AServiceAskedByNameIsAnsweredWithTheUsualServiceNotAParticularCase(string q, string particular, string usual)
    {
        var r = Ask(q);
        Assert.False(r.Decision == AnswerDecision.Answered && r.Entry?.Id == particular, $"{r.Decision} {r.Entry?.Id}");
        Assert.Equal(AnswerDecision.Answered, r.Decision);
        Assert.Equal(usual, r.Entry?.Id);
        Assert.Equal(usual, r.Candidates[0].Id);
    }

    // Every entry close to the top names a case (买房, 辞职, 退休 … 提取公积金): the citizen is asked which.
    [Fact]
    public void AServiceWhoseEntriesAllNameACaseIsClarified()
    {
        var r = Ask("公积金怎么提取");
        Assert.Equal(AnswerDecision.Clarify, r.Decision);
        Assert.True(r.Choices.Count >= 2);
    }

    // Word overlap alone is not sure of these (申领居住证要准备哪些资料 shares 申请 居住证 with 持居住证可以在当地申请公租房吗), but
    // the best entry is the usual service asked for and no close rival is: the citizen is answered, whatever the script.
    [Theory]
    [InlineData("申领居住证要准备哪些资料", "JZ-001")]
    [InlineData("身份证怎么补办", "SF-001")]
    [InlineData("身份證怎麼補辦", "SF-001")]
    public void AServiceAskedByNameIsAnsweredWithItsUsualEntryWhenNoTwinIsClose(string q, string usual)
    {
        seed.AssertAnsweredWith(q, usual);
    }

    // 想办 and 办本 are asking words jieba cut as one (想 办, 办 一本): still a passport asked for by name.
    [Theory]
    [InlineData("想办护照要带什么")]
    [InlineData("办本护照要带什么")]
    public void AskingWordsCutAsOneStillAskByName(string q)
    {
        Assert.True(AsksOnlyByName(q));
        seed.AssertAnsweredWith(q, "CR-001");
    }

    // The words match 小孩能办居住证吗 and its like best, so the usual entry is not among the first few; it is offered first.
    [Fact]
    public void TheUsualServiceIsOfferedFirstEvenWhenItIsNotAmongTheFirstCandidates()
    {
        var r = Ask("想办居住证");
        Assert.Equal(AnswerDecision.Clarify, r.Decision);
        Assert.Equal("JZ-001", r.Choices[0].Id);
    }

    [Fact]
    public void AResidencePermitWithNoNeedNamedOffersTheFirstApplicationFirst()
    {
        var r = Ask("居住证怎么办");
        Assert.Equal(AnswerDecision.Clarify, r.Decision);
        Assert.Equal("JZ-001", r.Choices[0].Id);
    }

    // Unsure of the match, the engine still offers the usual service first (not 未成年人办护照).
    [Fact]
    public void AnUnsureQuestionByNameOffersTheUsualServiceFirst()
    {
        var r = Ask("护照怎么办理");
        Assert.Equal(AnswerDecision.Clarify, r.Decision);
        Assert.Equal("CR-001", r.Choices[0].Id);
    }

    // 掰断 tells what happened; the entry about a broken card is the answer, not the one about renewing an expired one.
    [Fact]
    public void WhatHappenedToTheCardIsNotAskingByName()
    {
        seed.AssertAnsweredWith("身份证掰断了咋办", "SF-006");
    }

    [Fact]
    public void AServiceWithOneEntryAskedByNameIsStillAnswered()
    {
        seed.AssertAnsweredWith("可以申请高龄津贴吗", "YL-001");
    }

    // No need named, and the one candidate whose own question is about the thing asks nothing besides it: that entry is
    // what the bank says of it, whatever the script or the letter's scaffolding.
    [Theory]
    [InlineData("独生子女证怎么办理")]
    [InlineData("獨生子女證怎麼辦理")]
    [InlineData("关于C市独生子女证办理的咨询")]
    public void AThingWithOneEntryAskedByNameIsAnsweredWithIt(string q)
    {
        seed.AssertAnsweredWith(q, "SY-009");
    }

    // The one entry about a phone number or a house number is about it on another document (驾驶证, 房产证): not what a
    // question naming the thing alone asks.
    [Theory]
    [InlineData("手机号怎么弄", "JT-017")]
    [InlineData("门牌怎么办理", "BD-015")]
    public void AThingWhoseOneEntryNamesAnotherThingIsNotAnsweredWithIt(string q, string other)
    {
        var r = Ask(q);
        Assert.False(r.Decision == AnswerDecision.Answered && r.Entry?.Id == other, $"{r.Decision} {r.Entry?.Id}");
    }
}
