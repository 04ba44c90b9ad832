using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// A message telling that someone refuses the citizen (单位不发, 前夫不同意接收) asks how to get past a refusal, which an
/// entry explaining the usual procedure does not answer; an entry that speaks of the refusal or of a dispute still does.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class RefusalTests(SeedEngineFixture seed)
{
    [Fact]
    public void ARefusalToldIsNotAnsweredWithTheUsualProcedure()
    {
        // Written for this test: the employer keeps the maternity allowance; YB-009 tells how it is claimed.
        seed.AssertOfferedNotAnswered("生完孩子以后单位把我的生育津贴领走了，到现在都不发给我，怎么办", "YB-009");
        seed.AssertAnsweredWith("生完孩子以后单位帮我申领生育津贴，钱什么时候发给我", "YB-009");
    }

    [Fact]
    public void AnEntryThatSpeaksOfWhatIsRefusedStillAnswers() =>
        // Written for this test: BD-019 is asked "过户要原房主配合吗" and answers that no cooperation is needed.
        seed.AssertAnsweredWith("法院判决房子归我了，原房主不配合，我能自己去办过户吗", "BD-019");

    [Fact]
    public void ARefusalOnlySupposedIsNoDispute() =>
        seed.AssertAnsweredWith("交了离婚申请又后悔了，他不同意的话我一个人能撤回吗", "HY-004");

    [Theory]
    [InlineData("单位把我的生育津贴领走了，一直不发给我", true)]
    [InlineData("前夫不同意接收孩子的户口", true)]
    [InlineData("保险公司说不赔", true)]
    [InlineData("他不同意的话我一个人能撤回吗", false)]
    [InlineData("如果单位不给开证明，我还能办吗", false)]
    [InlineData("万一对方拒绝配合怎么办", false)]
    [InlineData("生育津贴什么时候发给我", false)]
    public void ARefusalIsToldUnlessOnlySupposed(string message, bool told) =>
        Assert.Equal(told, Refusals.AreToldIn(message));
}
