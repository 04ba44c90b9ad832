using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Consistency;
using Xunit.Abstractions;

namespace GovAssistant.QaEngine.Tests.Consistency;

/// <summary>The checker over planted pairs mixed into a slice of the real bank.</summary>
public sealed class ConsistencyCheckerTests(ITestOutputHelper output)
{
    private static FaqEntry Entry(string id, string question, string department, string answer, params string[] similar) => new()
    {
        Id = id, Question = question, Department = department, Answer = answer, SimilarQuestions = similar,
    };

    [Fact]
    public void TheSameQuestionWithDifferentFeeAndPhoneInTwoDepartmentsIsFlaggedButTheConsistentPairIsNot()
    {
        var bank = SeedBank.Small.Concat(
        [
            Entry("DOG-1", "养犬登记证怎么办理，要交多少钱？", "公安局治安管理部门", "**收费**：登记费 300 元。\n咨询电话：0571-87280000。"),
            Entry("DOG-2", "办养犬登记证要交多少钱，怎么办？", "城市管理局", "**收费**：登记费 500 元。\n咨询电话：0571-87289999。"),
            Entry("BOAT-1", "游艇驾驶证考试费用是多少？", "交通运输局", "游艇驾驶证考试费 200 元，咨询电话 12328。"),
            Entry("BOAT-2", "游艇驾驶证考试要交多少费用？", "海事局", "考试收费200元；如有疑问请拨打 12328。"),
        ]).ToList();

        var flags = new ConsistencyChecker(TextAnalysis.CreateDefault()).Check(bank);
        foreach (var f in flags) output.WriteLine($"{f.PairKey} {f.Similarity} {string.Join(",", f.Conflicts.Select(c => c.Kind))}");

        var dog = Assert.Single(flags, f => f.PairKey == "DOG-1|DOG-2");
        Assert.True(dog.CrossDepartment);
        Assert.Equal([FactKind.Fee, FactKind.Phone], dog.Conflicts.Select(c => c.Kind));
        Assert.Equal(["300元"], dog.Conflicts[0].OnlyInFirst);
        Assert.Equal(["500元"], dog.Conflicts[0].OnlyInSecond);
        Assert.DoesNotContain(flags, f => f.PairKey.Contains("BOAT"));
    }

    [Fact]
    public void EntriesWithDifferentQuestionsAreNotComparedEvenWhenTheirFeesDiffer()
    {
        var flags = new ConsistencyChecker(TextAnalysis.CreateDefault()).Check(
        [
            Entry("A", "护照过期了怎么换发？", "出入境管理局", "收费 120 元。"),
            Entry("B", "结婚登记需要什么材料？", "民政局", "不收费，收费 9 元。"),
        ]);
        Assert.Empty(flags);
    }

    [Theory]
    [InlineData("工本费二十元，十五个工作日办结。", FactKind.Fee, "20元")]
    [InlineData("工本费二十元，十五个工作日办结。", FactKind.TimeLimit, "15工作日")]
    [InlineData("请拨打０５７１－８７２８００００咨询", FactKind.Phone, "057187280000")]
    [InlineData("本项业务免费办理。", FactKind.Fee, "免费")]
    [InlineData("地址：杭州市解放路18号。", FactKind.Address, "杭州市解放路18号")]
    [InlineData("**所需材料**：户口簿、身份证、照片\n**办理地点**：派出所", FactKind.Materials, "户口簿")]
    public void FactsAreReadInANormalisedForm(string answer, FactKind kind, string expected) =>
        Assert.Contains(expected, AnswerFacts.Extract(answer).Of(kind));

    [Fact]
    public void ADateIsNotATimeLimitAndAYearIsNotAPhone()
    {
        var facts = AnswerFacts.Extract("自2024年5月1日起施行，办理时限为3个月。");
        Assert.Equal(["3月"], facts.Of(FactKind.TimeLimit));
        Assert.Empty(facts.Of(FactKind.Phone));
    }
}
