using System.Diagnostics;

namespace GovAssistant.KnowledgeBase.Tests;

public sealed class FaqStoreConcurrencyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

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
    public async Task TwentyThousandEntriesImportInAFewSeconds()
    {
        var store = _temp.NewStore();
        var entries = Many(20_000);

        var watch = Stopwatch.StartNew();
        var created = await store.ImportAsync(entries, replace: true, "seed");
        var first = watch.Elapsed;
        watch.Restart();
        var updated = await store.ImportAsync(Many(20_000, "新答案"), replace: true, "seed");
        var second = watch.Elapsed;

        Assert.Equal(new ImportResult(20_000, 0, 0, 0, 1), created);
        Assert.Equal(new ImportResult(0, 20_000, 0, 0, 2), updated);
        Assert.Equal(20_000, (await store.GetSnapshotAsync()).Entries.Count);
        // Generous bounds for a slow shared CI machine; measured at well under half of this.
        Assert.True(first < TimeSpan.FromSeconds(10), $"first import took {first}");
        Assert.True(second < TimeSpan.FromSeconds(10), $"second import took {second}");
    }

    [Fact]
    public async Task ReadsDuringAnImportSeeAllOfItOrNoneAndNeverThrow()
    {
        var store = _temp.NewStore();
        var entries = Many(5_000);
        using var stop = new CancellationTokenSource();
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();

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
            }
        })).ToList();

        await Task.Delay(50);
        await store.ImportAsync(entries, replace: false, "seed");
        await Task.Delay(50);
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Contains(5_000, seen);
    }

    [Fact]
    public async Task ParallelUpsertsAllLandWithOneRevisionEach()
    {
        var store = _temp.NewStore();

        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => store.UpsertAsync(Bank.Entry($"P-{i}"), $"editor-{i}"))));
        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() => store.UpsertAsync(Bank.Entry($"P-{i}") with { Answer = "改" }, "x"))));

        Assert.Equal(40, await store.CountAsync());
        Assert.Equal(80, await store.GetRevisionAsync());
        Assert.All(await store.ListAsync(), e => Assert.Equal(2, e.Version));
    }

    [Fact]
    public async Task TwoStoresOnOneFileShareTheBank()
    {
        var first = _temp.NewStore();
        var second = _temp.NewStore();

        await Task.WhenAll(
            first.ImportAsync(Many(2_000), replace: false, "a"),
            second.ImportAsync([Bank.Entry("X")], replace: false, "b"));

        Assert.Equal(2_001, await first.CountAsync());
        Assert.Equal(2, await second.GetRevisionAsync());
    }
}
