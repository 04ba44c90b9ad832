namespace GovAssistant.KnowledgeBase.Tests.Store;

/// <summary>Drafts and superseded policies in every bank store: nothing changes until publish; publish makes a version; stale and incomplete drafts are refused.</summary>
public abstract class BankDraftContract : BankContract
{
    [Fact]
    public async Task ADraftChangesNothingUntilPublishedThenBecomesTheNextVersionWithItsReviewer()
    {
        var store = Database.NewStore();
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
        var store = Database.NewStore();
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
        var store = Database.NewStore();
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
        var store = Database.NewStore();
        await store.ImportAsync([Bank.Entry("A-1"), Bank.Entry("A-2", "护照怎么办？")], replace: false, "seed");
        var drafts = await store.CreateImportDraftsAsync([Bank.Entry("A-1"), Bank.Entry("A-2", "护照怎么换？"), Bank.Entry("A-3")], "editor", "B1");

        Assert.Equal(["A-2", "A-3"], drafts.Select(d => d.Proposed.Id).Order());
        Assert.Equal(2, (await store.ListDraftsAsync(DraftStatus.Pending, "B1")).Count);
        Assert.Null(await store.GetAsync("A-3"));
    }

    [Fact]
    public async Task ARejectedDraftKeepsItsReasonAndDraftsListNewestFirst()
    {
        var store = Database.NewStore();
        var first = await store.CreateDraftAsync(null, new DraftChanges { Question = "问一？", Answer = "答一。" }, DraftOrigin.Editor, "  说明 ", "e1");
        var second = await store.CreateDraftAsync(null, new DraftChanges { Question = "问二？", Answer = "答二。" }, DraftOrigin.Editor, null, "e2");

        var rejected = await store.RejectDraftAsync(first.Id, "r1", " 重复 ");

        Assert.Equal((DraftStatus.Rejected, "r1", "重复", "说明"), (rejected.Status, rejected.ReviewedBy, rejected.RejectReason, rejected.Note));
        Assert.Equal([second.Id, first.Id], (await store.ListDraftsAsync()).Select(d => d.Id));
        Assert.Equal([second.Id], (await store.ListDraftsAsync(DraftStatus.Pending)).Select(d => d.Id));
        Assert.Equal(rejected, await store.GetDraftAsync(first.Id));
        Assert.Null(await store.GetDraftAsync("D-999"));
        Assert.Null(await store.GetDraftAsync("nonsense"));
        var again = await Assert.ThrowsAsync<DraftException>(() => store.RejectDraftAsync(first.Id, "r1", "再驳回"));
        Assert.Equal(DraftError.Conflict, again.Error);
    }

    [Fact]
    public async Task SupersededPoliciesAreListedByNameUpdatedInPlaceAndRemoved()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var store = Database.NewStore(clock);
        await store.AddSupersededPolicyAsync("《乙条例》", null, "admin");
        await store.AddSupersededPolicyAsync("《甲条例》", "旧", "admin");
        clock.Advance(TimeSpan.FromDays(1));
        await store.AddSupersededPolicyAsync(" 《甲条例》 ", "新规替代", "editor");

        Assert.Equal(
            [new SupersededPolicy("《乙条例》", null, "admin", clock.Now.AddDays(-1)), new SupersededPolicy("《甲条例》", "新规替代", "editor", clock.Now)],
            await store.ListSupersededPoliciesAsync());
        Assert.True(await store.RemoveSupersededPolicyAsync("《乙条例》"));
        Assert.False(await store.RemoveSupersededPolicyAsync("《乙条例》"));
        Assert.Single(await store.ListSupersededPoliciesAsync());
    }
}
