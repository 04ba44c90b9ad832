namespace GovAssistant.KnowledgeBase.Tests.Store;

/// <summary>Big imports, readers during writes, parallel writers and two stores (two nodes) on one database.</summary>
public abstract class BankConcurrencyContract : BankContract
{
    private static List<FaqEntry> Many(int count, string answer = "答案") =>
        [.. Enumerable.Range(1, count).Select(i => new FaqEntry
        {
            Id = $"E-{i:D5}",
            Question = $"第 {i} 个问题：居住证到期了怎么续签？",
            SimilarQuestions = ["居住证续签", "居住证过期"],
            Answer = answer + new string('文', 300),
            Category = i % 2 == 0 ? "户籍" : "社保",
            Tags = ["居住证"],
        })];

    [Fact]
    public async Task TwentyThousandEntriesImportAndThenUpdateInOneTransactionEach()
    {
        var store = Database.NewStore();

        // No wall-clock bound (the machine is shared): speed is measured by benchmarks; this proves the batched writers
        // (prepared commands on SQLite, unnest batches on PostgreSQL) save every row of a big import exactly once.
        var created = await store.ImportAsync(Many(20_000), replace: true, "seed");
        var updated = await store.ImportAsync(Many(20_000, "新答案"), replace: true, "seed");

        Assert.Equal(new ImportResult(20_000, 0, 0, 0, 1), created);
        Assert.Equal(new ImportResult(0, 20_000, 0, 0, 2), updated);
        var snapshot = await store.GetSnapshotAsync();
        Assert.Equal(20_000, snapshot.Entries.Count);
        Assert.All(snapshot.Entries, e => Assert.Equal(2, e.Version));
        Assert.Equal(2, (await store.GetHistoryAsync("E-20000")).Count);
    }

    [Fact]
    public async Task ReadsDuringAnImportSeeAllOfItOrNoneAndNeverThrow()
    {
        var store = Database.NewStore();
        var entries = Many(5_000);
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        // Events, not sleeps: the import starts once readers are reading, and they stop once one has seen it whole.
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawImport = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var snapshot = await store.GetSnapshotAsync();
                seen.Add(snapshot.Entries.Count);
                Assert.Equal(snapshot.Revision == 0 ? 0 : 5_000, snapshot.Entries.Count);
                var count = await store.CountAsync();
                Assert.True(count is 0 or 5_000, $"saw a partial import: {count}");
                await store.GetAsync("E-02500");
                reads++;
                reading.TrySetResult();
                if (snapshot.Entries.Count == 5_000) sawImport.TrySetResult();
            }
        })).ToList();

        await reading.Task;
        await store.ImportAsync(entries, replace: false, "seed");
        await sawImport.Task.WaitAsync(TimeSpan.FromSeconds(60));
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Contains(5_000, seen);
    }

    [Fact]
    public async Task ParallelUpsertsAllLandWithOneRevisionEach()
    {
        var store = Database.NewStore();

        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => store.UpsertAsync(Bank.Entry($"P-{i}"), $"editor-{i}"))));
        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => store.UpsertAsync(Bank.Entry($"P-{i}") with { Answer = "改" }, "x"))));

        Assert.Equal(40, await store.CountAsync());
        Assert.Equal(80, await store.GetRevisionAsync());
        Assert.All(await store.ListAsync(), e => Assert.Equal(2, e.Version));
    }

    [Fact]
    public async Task TwoStoresOnOneDatabaseShareTheBank()
    {
        var first = Database.NewStore();
        var second = Database.NewStore();

        await Task.WhenAll(
            first.ImportAsync(Many(2_000), replace: false, "a"),
            second.ImportAsync([Bank.Entry("X")], replace: false, "b"));

        Assert.Equal(2_001, await first.CountAsync());
        Assert.Equal(2, await second.GetRevisionAsync());
    }

    [Fact]
    public async Task TwoStoresPublishingTogetherNeverShareARevisionNorLoseAPublish()
    {
        IBankStore[] nodes = [Database.NewStore(), Database.NewStore()];
        const int perNode = 30;

        // Each node changes its own entries (every change is a publish with its own revision) and publishes as well.
        var changes = Enumerable.Range(0, perNode).SelectMany(i => nodes.Select((node, n) => Task.Run(() =>
            node.ImportAsync([Bank.Entry($"N{n}-{i}")], replace: false, $"node-{n}")))).ToList();
        var publishes = Enumerable.Range(0, perNode).SelectMany(_ => nodes.Select(node => Task.Run(() => node.PublishAsync()))).ToList();
        var results = await Task.WhenAll(changes);
        await Task.WhenAll(publishes);

        var revisions = results.Select(r => r.Revision).ToList();
        Assert.Equal(revisions.Count, revisions.Distinct().Count());
        Assert.Equal(4 * perNode, await nodes[0].GetRevisionAsync());
        Assert.Equal(2 * perNode, (await nodes[1].GetSnapshotAsync()).Entries.Count);
        Assert.All(publishes, p => Assert.InRange(p.Result.Revision, 1, 4 * perNode));
    }

    [Fact]
    public async Task TwoStoresPublishingOneDraftTogetherPublishItOnce()
    {
        IBankStore[] nodes = [Database.NewStore(), Database.NewStore()];
        await nodes[0].ImportAsync([Bank.Entry("A-1")], replace: false, "seed");
        var drafts = new List<EntryDraft>();
        for (var i = 0; i < 10; i++)
            drafts.Add(await nodes[i % 2].CreateDraftAsync("A-1", new DraftChanges { Answer = $"第 {i} 稿。" }, DraftOrigin.Editor, null, "e"));

        for (var round = 0; round < 10; round++)
        {
            var attempts = nodes.Select((node, n) => Task.Run(() => node.PublishDraftAsync(drafts[round].Id, $"r{n}"))).ToList();
            var outcomes = await Task.WhenAll(attempts.Select(async a =>
            {
                try { return (await a).Entry.Version; }
                catch (DraftException e) when (e.Error == DraftError.Conflict) { return 0; }
            }));
            // The first draft publishes once; every later one is stale (based on version 1) and refused on both nodes.
            Assert.Equal(round == 0 ? [0, 2] : [0, 0], outcomes.Order());
        }

        Assert.Equal(2, (await nodes[1].GetHistoryAsync("A-1")).Count);
        Assert.Equal(2, await nodes[0].GetRevisionAsync());
    }
}
