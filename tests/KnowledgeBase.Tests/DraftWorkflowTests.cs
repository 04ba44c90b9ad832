namespace GovAssistant.KnowledgeBase.Tests;

/// <summary>Drafts in the store: nothing changes until publish; publish makes a version; stale and incomplete drafts are refused.</summary>
public sealed class DraftWorkflowTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ADraftChangesNothingUntilPublishedThenBecomesTheNextVersionWithItsReviewer()
    {
        var store = _folder.NewStore();
        await store.ImportAsync([Bank.Entry("A-1")], replace: false, "seed");
        var draft = await store.CreateDraftAsync("A-1", new DraftChanges { Answer = "新答案。", AddSimilarQuestions = ["居住证在哪办"] },
            DraftOrigin.Editor, "更新", "editor1");

        Assert.Equal("携带身份证到社区服务中心申请。", (await store.GetAsync("A-1"))!.Answer);
        var (published, entry) = await store.PublishDraftAsync(draft.Id, "reviewer1");

        Assert.Equal(DraftStatus.Published, published.Status);
        Assert.Equal(2, entry.Version);
        Assert.Equal(["居住证在哪办"], entry.SimilarQuestions);
        var newest = (await store.GetHistoryAsync("A-1"))[^1];
        Assert.Equal("editor1", newest.ChangedBy);
        Assert.Equal("reviewer1", newest.ReviewedBy);
        Assert.Contains("更新", newest.Note);
    }

    [Fact]
    public async Task ADraftOfAnEntryThatChangedSinceIsRefused()
    {
        var store = _folder.NewStore();
        await store.ImportAsync([Bank.Entry("A-1")], replace: false, "seed");
        var first = await store.CreateDraftAsync("A-1", new DraftChanges { Answer = "甲。" }, DraftOrigin.Editor, null, "e1");
        var second = await store.CreateDraftAsync("A-1", new DraftChanges { Answer = "乙。" }, DraftOrigin.Editor, null, "e2");
        await store.PublishDraftAsync(first.Id, "r");

        var refused = await Assert.ThrowsAsync<DraftException>(() => store.PublishDraftAsync(second.Id, "r"));
        Assert.Equal(DraftError.Conflict, refused.Error);
        Assert.Contains("第 1 版", refused.Message);
        Assert.Equal("甲。", (await store.GetAsync("A-1"))!.Answer);
    }

    [Fact]
    public async Task AnIncompleteProposalWaitsForItsMissingFields()
    {
        var store = _folder.NewStore();
        var proposal = await store.CreateDraftAsync(null, new DraftChanges { Question = "新问题？" }, DraftOrigin.AgentReply, null, "agent");
        Assert.Equal(["答案"], proposal.MissingFields);
        await Assert.ThrowsAsync<DraftException>(() => store.PublishDraftAsync(proposal.Id, "r"));
        await Assert.ThrowsAsync<InvalidFaqEntryException>(() =>
            store.CreateDraftAsync(null, new DraftChanges { Question = "新问题？" }, DraftOrigin.Editor, null, "editor"));

        await store.UpdateDraftAsync(proposal.Id, new DraftChanges { Answer = "答案。" }, null, "editor");
        var (_, entry) = await store.PublishDraftAsync(proposal.Id, "r");
        Assert.Equal("KB-" + proposal.Id[2..], entry.Id);
    }

    [Fact]
    public async Task ImportedEntriesBecomeOneBatchOfDraftsSkippingUnchangedOnes()
    {
        var store = _folder.NewStore();
        await store.ImportAsync([Bank.Entry("A-1"), Bank.Entry("A-2", "护照怎么办？")], replace: false, "seed");
        var drafts = await store.CreateImportDraftsAsync([Bank.Entry("A-1"), Bank.Entry("A-2", "护照怎么换？"), Bank.Entry("A-3")], "editor", "B1");

        Assert.Equal(["A-2", "A-3"], drafts.Select(d => d.Proposed.Id).Order());
        Assert.Equal(2, (await store.ListDraftsAsync(DraftStatus.Pending, "B1")).Count);
        Assert.Null(await store.GetAsync("A-3"));
    }

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
