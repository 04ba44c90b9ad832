using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// Citizens type as they speak: 咋个, 啥子, 娃儿, 扯证, 老汉 (Southwest), 点样, 边度 (Cantonese), a trailing 不 for a
/// yes-no question. Such a question reaches the entry a Mandarin one would.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class DialectTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("护照能在成都办不")]
    [InlineData("公积金交了没")]
    [InlineData("身份证点样补办")]
    [InlineData("社保卡喺边度办")]
    [InlineData("居住证啷个办")]
    public void DialectQuestionWordsAndATrailingNotAsk(string clause) => Assert.True(Interrogatives.Asks(clause));

    [Theory]
    [InlineData("我不")]
    [InlineData("孩子已经办好了身份证")]
    public void AStatementDoesNotAsk(string clause) => Assert.False(Interrogatives.Asks(clause));

    [Theory]
    [InlineData("娃儿第一次办社保卡去哪儿办嘛", "SB-008")]
    [InlineData("扯证要带啥子", "HY-001")]
    [InlineData("我老汉的养老院对他凶得很，去哪儿告嘛", "YL-016")]
    [InlineData("娃儿的出生证明在哪儿领嘛", "SY-002")]
    public void ADialectQuestionIsAnsweredAsItsMandarinTwinWouldBe(string question, string id)
    {
        var r = seed.Engine.Ask(question);
        Assert.Equal(AnswerDecision.Answered, r.Decision);
        Assert.Equal(id, r.Entry!.Id);
    }
}
