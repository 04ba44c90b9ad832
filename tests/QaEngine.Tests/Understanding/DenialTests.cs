using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>
/// A message saying the citizen (or the person asked for) is not what an entry is about (我自己不是残疾人, 不是有限公司) is
/// not answered with that entry, nor one saying they have not got it (她没有办残疾证); a denial of what the entry never names
/// (不是低保户 against 医疗救助) changes nothing.
/// </summary>
[Collection(SeedEngineCollection.Name)]
public class DenialTests(SeedEngineFixture seed)
{
    [Theory]
    [InlineData("残疾人上班挣的工资 个人所得税能减免吗", "我哥是残疾人 我自己不是残疾人 工资个税能少交吗", true)]
    [InlineData("注册1家有限公司要怎么办营业执照", "我们不是有限公司也不是个体户 是合作社", true)]
    // Not having what the entry is for: 她没有办残疾证 against the entry for disabled people.
    [InlineData("残疾人需要轮椅 助听器 怎么申请辅助器具", "医生说要配助听器 她没有办残疾证 政府给补贴吗", true)]
    // An entry about not having something (一直没有户口的人) is what such a message asks.
    [InlineData("一直没有户口的人怎么上户口", "我弟弟没有户口 怎么办", false)]
    // 不是低保户 against an entry whose question never names 低保.
    [InlineData("家里困难看病负担重 怎么申请医疗救助", "家里不是低保户 看病困难能申请救助吗", false)]
    // Asked both ways, supposed, said to someone, or said to be so.
    [InlineData("残疾人上班挣的工资 个人所得税能减免吗", "我是不是残疾人 个税能减免吗", false)]
    [InlineData("残疾人上班挣的工资 个人所得税能减免吗", "如果不是残疾人 个税能减免吗", false)]
    [InlineData("法律援助怎么申请", "我这个案子不是法律援助的吗", false)]
    public void ADenialOfWhatTheEntryIsAboutIsANearMiss(string entryQuestion, string message, bool nearMiss) =>
        Assert.Equal(nearMiss, Negations.DeniesWhatTheEntryIsAbout(entryQuestion, message));

    [Fact]
    public void SomeoneWhoSaysTheyAreNotDisabledIsNotAnsweredWithTheDisabledWorkersTaxCut() =>
        // Written for this test: the brother is disabled, the one asking is not.
        seed.AssertOfferedFor("我哥是残疾人，我自己不是残疾人，我上班挣的工资个税能减免吗？", "identity", "CJ-010");

    [Fact]
    public void SomeoneWithoutTheDisabilityCardIsNotAnsweredWithTheAidsForDisabledPeople()
    {
        // Written for this test: the same hearing aid, asked for someone without and someone with the card.
        seed.AssertOfferedFor("我妈八十了耳朵背，医生说要配助听器，她没有办残疾证，普通老人配助听器政府给补贴吗？", "identity", "CJ-005");
        seed.AssertAnsweredWith("我妈是听力残疾，有残疾证，配助听器政府给补贴吗？", "CJ-005");
    }

    [Fact]
    public void ADenialOfWhatTheEntryNeverNamesStillGetsTheAnswer() =>
        // Written for this test.
        seed.AssertAnsweredWith("老公尿毒症好几年了，我们不是低保户，看病花光了积蓄，能申请医疗救助吗？", "YB-016");
}
