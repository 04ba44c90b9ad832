using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Text;
using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// Someone missing or in danger is told whom to call at once, never answered with an entry that shares the words
/// (孩子丢了 → 出生医学证明丢了怎么补, 0.95, before).
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class EmergencyTests(SeedEngineFixture seed)
{
    private static string? KindOf(string message) => Emergencies.KindOf(TextNormalizer.Default.Normalize(message));

    [Theory]
    [InlineData("孩子丢了怎么办", Emergencies.MissingPerson)]
    [InlineData("孩子在商场走丢了，怎么办", Emergencies.MissingPerson)]
    [InlineData("我家老人有老年痴呆，早上出门走失了", Emergencies.MissingPerson)]
    [InlineData("我妈不见了，电话也打不通", Emergencies.MissingPerson)]
    [InlineData("我不想活了", Emergencies.SelfHarm)]
    [InlineData("救命啊", Emergencies.Danger)]
    [InlineData("出车祸了怎么办", Emergencies.Danger)]
    [InlineData("我被车撞了流了很多血", Emergencies.Danger)]
    [InlineData("我爸突然不省人事了", Emergencies.Danger)]
    [InlineData("家里煤气泄漏了", Emergencies.Danger)]
    [InlineData("老人在家摔倒了怎么办", Emergencies.Danger)]
    [InlineData("我爸被困在河里了快救命", Emergencies.Danger)]
    [InlineData("孩子掉河里了", Emergencies.Danger)]
    [InlineData("我想跳楼", Emergencies.SelfHarm)]
    // Someone else about to jump: the police and the ambulance, not the words for one's own feelings.
    [InlineData("有人要跳楼", Emergencies.Danger)]
    [InlineData("邻居要跳楼了怎么办", Emergencies.Danger)]
    public void AnEmergencyIsRecognised(string message, string kind) => Assert.Equal(kind, KindOf(message));

    [Theory]
    [InlineData("孩子的出生证丢了怎么补")]
    [InlineData("我妈的身份证丢了能代办吗")]
    [InlineData("学生证丢了怎么补")]
    [InlineData("老人家的猫走失了")]
    [InlineData("家人自杀了算不算意外，保险能赔吗")]
    [InlineData("大病救助是老百姓的救命钱，怎么申请")]
    [InlineData("公司要换法人，可原法人联系不上")]
    [InlineData("下班路上出车祸了，算不算工伤")]
    [InlineData("老人摔倒了能报医保吗")]
    [InlineData("孩子溺水身亡了，学校的学平险能赔多少")]
    [InlineData("网购被骗了怎么办")]
    [InlineData("我母亲患有精神分裂症，最近病情加重，经常走失，请问精神残疾人的监护人怎么确定")]
    [InlineData("给老人买防走失手环有补贴吗")]
    [InlineData("商场跳楼价清仓")]
    public void ADocumentLostOrAQuestionAboutOneIsNoEmergency(string message) => Assert.Null(KindOf(message));

    [Theory]
    [InlineData("孩子丢了怎么办", "110")]
    [InlineData("我不想活了", "12356")]
    [InlineData("出车祸了怎么办", "122")]
    public void TheCitizenIsToldWhomToCallAndOfferedNoEntry(string message, string number)
    {
        var r = seed.Engine.Ask(message);

        Assert.Equal(AnswerDecision.NoAnswer, r.Decision);
        Assert.Equal("emergency", r.Reason);
        Assert.Contains(number, r.Reply);
        Assert.Empty(r.Choices);
        Assert.Null(r.Entry);
    }

    [Fact]
    public void ALostDocumentIsStillAnswered()
    {
        var r = seed.Engine.Ask("孩子的出生证丢了怎么补");

        Assert.Equal(AnswerDecision.Answered, r.Decision);
        Assert.Equal("SY-003", r.Entry?.Id);
    }
}
