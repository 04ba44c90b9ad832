namespace GovAssistant.KnowledgeBase.Tests;

/// <summary>What the review workflow computes without a store: diffs and entries due for review (store behaviour: BankDraftContract).</summary>
public sealed class DraftWorkflowTests
{
    [Fact]
    public void TheDiffNamesChangedFieldsPhrasingsAndSentences()
    {
        var before = Bank.Entry("A-1") with { SimilarQuestions = ["旧问法"], Answer = "第一句。第二句。第三句。" };
        var after = before with { SimilarQuestions = ["新问法"], Answer = "第一句。改过的第二句。第三句。", Department = "民政局" };
        var diff = EntryDiff.Between(before, after);

        Assert.Equal([new FieldChange("department", null, "民政局")], diff.Fields);
        Assert.Equal(["新问法"], diff.SimilarAdded);
        Assert.Equal(["旧问法"], diff.SimilarRemoved);
        Assert.Equal([new("equal", "第一句。"), new("insert", "改过的第二句。"), new("delete", "第二句。"), new("equal", "第三句。")], diff.Answer);
    }

    [Fact]
    public void ReviewDueListsExpiredExpiringAndSupersededEntriesSoonestFirst()
    {
        var today = new DateOnly(2025, 6, 1);
        var due = ReviewDue.Find(
        [
            Bank.Entry("OK") with { ValidTo = today.AddDays(90) },
            Bank.Entry("SOON") with { ValidTo = today.AddDays(5) },
            Bank.Entry("OLD") with { ValidTo = today.AddDays(-3) },
            Bank.Entry("POL") with { Basis = "《居住证暂行条例》第九条" },
        ], ["居住证暂行条例"], today, 30);

        Assert.Equal(["OLD", "SOON", "POL"], due.Select(d => d.Entry.Id));
        Assert.True(due[0].Expired);
        Assert.Equal("居住证暂行条例", due[2].SupersededBasis);
    }
}
