using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// A title or statement about one local case (an appeal, a named or unnamed local body, a policy as a whole) is not
/// answered with one entry as if it settled the case: the citizen is offered the entries close to it, or a person.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class LocalCaseTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("某小区交房三年仍未办房产证")]
    [InlineData("举报某诊所冒用他人医保卡刷药")]
    [InlineData("郦城小区业主维权无门")]
    [InlineData("残联工作人员推诿拖延")]
    [InlineData("请求落实独生子女奖励政策")]
    public void AnAppealOrALocalBodyNamedOrLeftUnnamedIsALocalCase(string title) =>
        Assert.True(CaseMarkers.IsLocalCase(title));

    [Theory]
    [InlineData("身份证补办")]
    [InlineData("某些情况下户口能迁回农村")]
    [InlineData("公办幼儿园报名材料")]
    [InlineData("举报诊所冒用他人医保卡刷药")]
    public void AServiceNamedIsNoLocalCase(string title) =>
        Assert.False(CaseMarkers.IsLocalCase(title));

    [Fact]
    public void ATitleAboutAnUnnamedLocalBodyIsOfferedChoicesNotAnswered()
    {
        // Written for this test: the same report without 某 is answered with how to report insurance fraud.
        seed.AssertOfferedFor("举报某诊所冒用他人医保卡刷药", "localCase", "YB-019");
        seed.AssertAnsweredWith("举报诊所冒用他人医保卡刷药", "YB-019");
    }
}
