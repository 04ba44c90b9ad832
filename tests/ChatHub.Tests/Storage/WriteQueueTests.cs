using GovAssistant.ChatHub.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovAssistant.ChatHub.Tests.Storage;

/// <summary>The bounded background writer behind the analytics stores.</summary>
public sealed class WriteQueueTests
{
    [Fact]
    public async Task RecordsAreWrittenInOrderInBatchesAndAFlushWaitsForThem()
    {
        var batches = new List<int[]>();
        await using var queue = new WriteQueue<int>(1000, 4, batch => { lock (batches) batches.Add([.. batch]); return Task.CompletedTask; }, NullLogger.Instance);
        for (var i = 0; i < 10; i++) queue.Enqueue(i);

        await queue.FlushAsync();

        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(b => b));
        Assert.All(batches, b => Assert.InRange(b.Length, 1, 4));
        Assert.Equal((10, 0), (queue.Written, queue.Dropped));
    }

    [Fact]
    public async Task AFullQueueDropsTheOldestRecordsAndCountsThem()
    {
        var written = new List<int>();
        var disk = new TaskCompletionSource();
        var busy = new TaskCompletionSource();
        await using var queue = new WriteQueue<int>(5, 2, async batch =>
        {
            busy.TrySetResult();
            await disk.Task;
            written.AddRange(batch);
        }, NullLogger.Instance);
        queue.Enqueue(-1);
        await busy.Task; // the writer holds record -1 and waits on the "disk"
        for (var i = 0; i < 20; i++) queue.Enqueue(i);

        disk.SetResult();
        await queue.CloseAsync(); // not FlushAsync: its marker would take a place in the full queue

        // Capacity 5: of 0–19 only the newest five were still queued.
        Assert.Equal([-1, 15, 16, 17, 18, 19], written);
        Assert.Equal((6, 15), (queue.Written, queue.Dropped));
    }

    [Fact]
    public async Task AFailingWriteIsCountedAsDroppedAndTheNextBatchesStillGoThrough()
    {
        var written = new List<int>();
        await using var queue = new WriteQueue<int>(100, 1, batch =>
        {
            if (batch[0] == 1) throw new IOException("disk full");
            written.AddRange(batch);
            return Task.CompletedTask;
        }, NullLogger.Instance);
        for (var i = 0; i < 3; i++) queue.Enqueue(i);

        await queue.FlushAsync();

        Assert.Equal([0, 2], written);
        Assert.Equal((2, 1), (queue.Written, queue.Dropped));
    }

    [Fact]
    public async Task ClosingWritesEverythingQueuedAndLaterRecordsAreCountedAsDropped()
    {
        var written = new List<int>();
        var disk = new TaskCompletionSource();
        var queue = new WriteQueue<int>(100, 3, async batch => { await disk.Task; written.AddRange(batch); }, NullLogger.Instance);
        for (var i = 0; i < 10; i++) queue.Enqueue(i);

        var closing = queue.CloseAsync();
        Assert.False(closing.IsCompleted);
        disk.SetResult();
        await closing;
        queue.Enqueue(10);

        Assert.Equal(Enumerable.Range(0, 10), written);
        Assert.Equal((10, 1), (queue.Written, queue.Dropped));
        await queue.FlushAsync();
    }
}
