using System.Data.Common;

namespace GovAssistant.KnowledgeBase.Tests.Store;

/// <summary>Entries, imports, history and the revision: what every bank store does, whatever its database.</summary>
public abstract class BankStoreContract : BankContract
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private IBankStore _store = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _store = Database.NewStore(_clock);
    }

    [Fact]
    public async Task ImportedEntriesAreStoredAsVersionOneAtTheTimeOfImport()
    {
        var result = await _store.ImportAsync([Bank.Full("B"), Bank.Entry("A")], replace: false, "张三");

        Assert.Equal(new ImportResult(Created: 2, Updated: 0, Retired: 0, Unchanged: 0, Revision: 1), result);
        Assert.Equal(Bank.Full("B") with { Version = 1, UpdatedAt = _clock.Now }, await _store.GetAsync("B"));
        Assert.Equal(["A", "B"], (await _store.ListAsync()).Select(e => e.Id));
        Assert.Equal(2, await _store.CountAsync());
        Assert.Null(await _store.GetAsync("missing"));
    }

    [Fact]
    public async Task ReopeningTheDatabaseKeepsTheBankAndDoesNotMigrateAgain()
    {
        await _store.UpsertAsync(Bank.Entry("A"), "张三");

        var reopened = Database.NewStore();

        Assert.Equal(1, await reopened.CountAsync());
        Assert.Equal(1, await reopened.GetRevisionAsync());
    }

    [Fact]
    public async Task UpsertOfAChangedEntryBumpsTheVersionAndWritesHistory()
    {
        await _store.UpsertAsync(Bank.Entry("A"), "张三");
        _clock.Advance(TimeSpan.FromHours(1));

        var saved = await _store.UpsertAsync(Bank.Entry("A") with { Answer = "新答案", Version = 99 }, "李四");

        Assert.Equal(2, saved.Version);
        Assert.Equal(_clock.Now, saved.UpdatedAt);
        Assert.Equal(saved, await _store.GetAsync("A"));
        var history = await _store.GetHistoryAsync("A");
        Assert.Equal(
            [(1, ChangeKind.Created, "张三", "携带身份证到社区服务中心申请。"), (2, ChangeKind.Updated, "李四", "新答案")],
            history.Select(h => (h.Entry.Version, h.Kind, h.ChangedBy, h.Entry.Answer)));
        Assert.Equal(_clock.Now, history[1].ChangedAt);
        Assert.Equal(2, await _store.GetRevisionAsync());
    }

    [Fact]
    public async Task UpsertOfAnIdenticalEntryChangesNothing()
    {
        var first = await _store.UpsertAsync(Bank.Full("A"), "张三");

        var second = await _store.UpsertAsync(Bank.Full("A") with { Question = "  新生儿怎么上户口？ " }, "李四");

        Assert.Equal(first, second);
        Assert.Single(await _store.GetHistoryAsync("A"));
        Assert.Equal(1, await _store.GetRevisionAsync());
    }

    [Fact]
    public async Task SettingTheStatusToRetiredIsRecordedAsARetirement()
    {
        await _store.UpsertAsync(Bank.Entry("A"), "张三");

        await _store.UpsertAsync(Bank.Entry("A", status: FaqStatus.Retired), "李四");

        Assert.Equal([ChangeKind.Created, ChangeKind.Retired], (await _store.GetHistoryAsync("A")).Select(h => h.Kind));
    }

    [Fact]
    public async Task UpsertOfAnInvalidEntryThrowsAndSavesNothing()
    {
        var ex = await Assert.ThrowsAsync<InvalidFaqEntryException>(
            () => _store.UpsertAsync(Bank.Entry("A") with { Answer = " ", ValidFrom = new(2025, 2, 1), ValidTo = new(2025, 1, 1) }, "张三"));

        Assert.Equal([(1, "answer"), (1, "validTo")], ex.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(0, await _store.CountAsync());
    }

    [Fact]
    public async Task AReplacingImportRetiresWhatTheFileNoLongerHolds()
    {
        await _store.ImportAsync([Bank.Entry("A"), Bank.Entry("B"), Bank.Entry("C"), Bank.Entry("R", status: FaqStatus.Retired)], replace: false, "张三");

        var result = await _store.ImportAsync([Bank.Entry("A") with { Answer = "改了" }, Bank.Entry("C"), Bank.Entry("D")], replace: true, "李四");

        Assert.Equal(new ImportResult(Created: 1, Updated: 1, Retired: 1, Unchanged: 1, Revision: 2), result);
        var b = await _store.GetAsync("B");
        Assert.Equal((FaqStatus.Retired, 2), (b!.Status, b.Version));
        Assert.Equal(ChangeKind.Retired, (await _store.GetHistoryAsync("B"))[^1].Kind);
        Assert.Equal(1, (await _store.GetAsync("R"))!.Version); // already retired: left alone
        Assert.Equal(5, await _store.CountAsync());
        Assert.Equal(["A", "C", "D"], (await _store.ListAsync(new FaqFilter { Status = FaqStatus.Published })).Select(e => e.Id));
    }

    [Fact]
    public async Task RepeatingAnImportChangesNothing()
    {
        FaqEntry[] entries = [Bank.Entry("A"), Bank.Full("B")];
        await _store.ImportAsync(entries, replace: true, "张三");

        var again = await _store.ImportAsync(entries, replace: true, "张三");

        Assert.Equal(new ImportResult(0, 0, 0, Unchanged: 2, Revision: 1), again);
    }

    [Fact]
    public async Task AnEmptyReplacingImportIsRefusedRatherThanRetiringEverything()
    {
        await _store.ImportAsync([Bank.Entry("A")], replace: false, "张三");

        var ex = await Assert.ThrowsAsync<InvalidFaqEntryException>(() => _store.ImportAsync([], replace: true, "李四"));

        Assert.StartsWith("整库替换的文件不含任何条目", Assert.Single(ex.Errors).Message);
        Assert.Equal(FaqStatus.Published, (await _store.GetAsync("A"))!.Status);
    }

    [Fact]
    public async Task AnAddingImportKeepsEntriesNotInTheFile()
    {
        await _store.ImportAsync([Bank.Entry("A"), Bank.Entry("B")], replace: false, "张三");

        await _store.ImportAsync([Bank.Entry("C")], replace: false, "李四");

        Assert.Equal(3, await _store.CountAsync(FaqStatus.Published));
    }

    [Fact]
    public async Task AnImportWithAnyInvalidEntrySavesNothing()
    {
        await _store.ImportAsync([Bank.Entry("A")], replace: false, "张三");

        var ex = await Assert.ThrowsAsync<InvalidFaqEntryException>(() => _store.ImportAsync(
            [Bank.Entry("B"), Bank.Entry("C", question: ""), Bank.Entry("B")], replace: true, "李四"));

        Assert.Equal([(2, "C", "question"), (3, "B", "id")], ex.Errors.Select(e => (e.Line, e.Id, e.Field)));
        Assert.Equal(["A"], (await _store.ListAsync()).Select(e => e.Id));
        Assert.Equal(FaqStatus.Published, (await _store.GetAsync("A"))!.Status);
        Assert.Equal(1, await _store.GetRevisionAsync());
    }

    [Fact]
    public async Task AMixedGoodAndBadFileStoresNothing()
    {
        var report = Bank.ReadJsonLines(Bank.Line("A1") + "\n" + """{"id":"A2","question":"问"}""" + "\n" + Bank.Line("A3"));

        await Assert.ThrowsAsync<InvalidFaqEntryException>(() => _store.ImportAsync(report, replace: false, "张三"));

        Assert.Equal(0, await _store.CountAsync());
    }

    [Fact]
    public async Task AnInsertThatFailsHalfWayRollsBackTheWholeImport()
    {
        await _store.ImportAsync([Bank.Entry("A")], replace: false, "张三");
        await Database.BreakInsertsOfAsync("BOOM");

        await Assert.ThrowsAnyAsync<DbException>(() => _store.ImportAsync(
            [Bank.Entry("B"), Bank.Entry("A") with { Answer = "改了" }, Bank.Entry("BOOM"), Bank.Entry("C")], replace: true, "李四"));

        Assert.Equal(["A"], (await _store.ListAsync()).Select(e => e.Id));
        Assert.Equal(1, (await _store.GetAsync("A"))!.Version);
        Assert.Single(await _store.GetHistoryAsync("A"));
        Assert.Empty(await _store.GetHistoryAsync("B"));
        Assert.Equal(1, await _store.GetRevisionAsync());
    }

    [Fact]
    public async Task TheSnapshotHoldsOnlyPublishedEntries()
    {
        await _store.ImportAsync(
            [Bank.Entry("P1"), Bank.Entry("D1", status: FaqStatus.Draft), Bank.Entry("R1", status: FaqStatus.Retired),
             Bank.Entry("P2") with { ValidTo = new DateOnly(2000, 1, 1) }],
            replace: false, "张三");

        var snapshot = await _store.GetSnapshotAsync();

        Assert.Equal(["P1", "P2"], snapshot.Entries.Select(e => e.Id));
        Assert.Equal(1, snapshot.Revision);
        Assert.Equal(_clock.Now, snapshot.PublishedAt);
    }

    [Fact]
    public async Task TheRevisionGrowsWithEachChangeAndPublishOnly()
    {
        Assert.Equal(0, (await _store.GetSnapshotAsync()).Revision);
        await _store.ImportAsync([Bank.Entry("A")], replace: false, "张三");
        await _store.UpsertAsync(Bank.Entry("A") with { Answer = "改了" }, "张三");
        _clock.Advance(TimeSpan.FromMinutes(5));

        var published = await _store.PublishAsync();
        await _store.UpsertAsync(Bank.Entry("A") with { Answer = "改了" }, "张三");
        await _store.ImportAsync([Bank.Entry("A") with { Answer = "改了" }], replace: false, "张三");

        Assert.Equal(3, published.Revision);
        Assert.Equal(_clock.Now, published.PublishedAt);
        Assert.Equal("改了", Assert.Single(published.Entries).Answer);
        Assert.Equal(3, await _store.GetRevisionAsync());
    }

    [Fact]
    public async Task ListFiltersAndPages()
    {
        await _store.ImportAsync(
        [
            Bank.Entry("HJ-1") with { Category = "户籍" },
            Bank.Entry("HJ-2", "户口迁移怎么办？") with { Category = "户籍", Status = FaqStatus.Draft },
            Bank.Entry("HJ-3") with { Category = "户籍", SimilarQuestions = ["迁户口要多久"] },
            Bank.Entry("SB-1", "社保断缴怎么办？") with { Category = "社保" },
        ], replace: false, "张三");

        Assert.Equal(["HJ-1", "HJ-3"], await Ids(new FaqFilter { Category = "户籍", Status = FaqStatus.Published }));
        Assert.Equal(["HJ-2", "HJ-3"], await Ids(new FaqFilter { Text = "迁" }));
        Assert.Equal(["SB-1"], await Ids(new FaqFilter { Text = "断缴" }));
        Assert.Equal(["HJ-2", "HJ-3"], await Ids(new FaqFilter { Skip = 1, Take = 2 }));
        Assert.Equal(1, await _store.CountAsync(FaqStatus.Draft));

        async Task<string[]> Ids(FaqFilter filter) => [.. (await _store.ListAsync(filter)).Select(e => e.Id)];
    }

    [Fact]
    public async Task ListFiltersByValidityDatesAndCountsIgnorePaging()
    {
        await _store.ImportAsync(
        [
            Bank.Entry("OPEN"),
            Bank.Entry("OLD") with { ValidTo = new DateOnly(2025, 1, 31) },
            Bank.Entry("SOON") with { ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2025, 6, 30), Department = "民政局" },
            Bank.Entry("LATER") with { ValidFrom = new DateOnly(2025, 7, 1), Region = "杭州", Source = "政策" },
        ], replace: false, "张三");

        Assert.Equal(["LATER", "OPEN"], await Ids(new FaqFilter { ValidOn = new DateOnly(2025, 7, 1) }));
        Assert.Equal(["OPEN", "SOON"], await Ids(new FaqFilter { ValidOn = new DateOnly(2025, 6, 30) }));
        Assert.Equal(["OLD", "SOON"], await Ids(new FaqFilter { ValidToOnOrBefore = new DateOnly(2025, 6, 30) }));
        Assert.Equal(["SOON"], await Ids(new FaqFilter { Department = "民政局" }));
        Assert.Equal(["LATER"], await Ids(new FaqFilter { Region = "杭州", Source = "政策" }));
        Assert.Equal(3, await _store.CountAsync(new FaqFilter { ValidOn = new DateOnly(2025, 1, 15), Skip = 1, Take = 1 }));
        Assert.Equal(["LATER"], (await _store.ListAsync(new FaqFilter { Skip = 0, Take = 1 })).Select(e => e.Id));
        Assert.Equal(new DateOnly(2025, 6, 30), (await _store.GetAsync("SOON"))!.ValidTo);

        async Task<string[]> Ids(FaqFilter filter) => [.. (await _store.ListAsync(filter)).Select(e => e.Id)];
    }
}
