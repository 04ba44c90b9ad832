using System.Threading.Channels;

namespace GovAssistant.ChatHub.Storage;

/// <summary>
/// Analytics writes off the request path: callers queue a record and return at once; one background loop writes what
/// is queued in batches of up to <c>batchSize</c> records per call of the writer (one transaction). The queue is
/// bounded: when it is full the OLDEST record is dropped and counted (<see cref="Dropped"/>) — an answer to a citizen
/// never waits for a slow disk, and under overload the newest figures are the ones worth keeping. A failed batch is
/// logged and counted as dropped; it never reaches the caller.
/// </summary>
/// <typeparam name="T">The queued record.</typeparam>
public sealed class WriteQueue<T> : IAsyncDisposable
{
    private const int LingerYields = 8;

    private readonly Channel<Item> _channel;
    private readonly Func<IReadOnlyList<T>, Task> _write;
    private readonly int _batchSize;
    private readonly ILogger _logger;
    private readonly Task _running;
    private long _dropped;
    private long _written;

    /// <summary>Starts the loop that drains the queue through <paramref name="write"/>.</summary>
    public WriteQueue(int capacity, int batchSize, Func<IReadOnlyList<T>, Task> write, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _write = write;
        _batchSize = batchSize;
        _logger = logger;
        _channel = Channel.CreateBounded<Item>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            // A dropped flush marker has nothing older left to wait for (drop-oldest took those first).
            dropped => { if (dropped.Flushed is { } flushed) flushed.TrySetResult(); else Interlocked.Increment(ref _dropped); });
        _running = Task.Run(RunAsync);
    }

    /// <summary>Records dropped because the queue was full, the writer failed, or the queue was already closed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Records written.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues <paramref name="record"/>; never blocks, never throws.</summary>
    public void Enqueue(T record)
    {
        if (!_channel.Writer.TryWrite(new Item(record, null))) Interlocked.Increment(ref _dropped);
    }

    /// <summary>
    /// Completes once every record queued before the call is written (or dropped). Readers call it so they see what
    /// was just recorded; tests call it instead of waiting.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Closed: CloseAsync drains whatever is left; wait for that instead.
        return _channel.Writer.TryWrite(new Item(default, flushed))
            ? flushed.Task.WaitAsync(cancellationToken)
            : _running.WaitAsync(cancellationToken);
    }

    /// <summary>Accepts no more records and returns once everything queued is written: the graceful stop.</summary>
    public Task CloseAsync()
    {
        _channel.Writer.TryComplete();
        return _running;
    }

    /// <inheritdoc cref="CloseAsync"/>
    public async ValueTask DisposeAsync() => await CloseAsync();

    private async Task RunAsync()
    {
        var batch = new List<T>(_batchSize);
        var flushes = new List<TaskCompletionSource>();
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            // Under load, let the callers queue a few more before writing: each batch costs a transaction and compiled
            // statements, so a batch of one per record made the writer a tenth of the service's CPU. Idle, this returns at once.
            for (var i = 0; i < LingerYields && reader.Count < _batchSize; i++) await Task.Yield();
            while (batch.Count < _batchSize && reader.TryRead(out var item))
            {
                if (item.Flushed is { } flushed) flushes.Add(flushed);
                else batch.Add(item.Record!);
            }
            if (batch.Count > 0)
            {
                try
                {
                    await _write(batch);
                    Interlocked.Add(ref _written, batch.Count);
                }
                catch (Exception e)
                {
                    // Analytics must never stop the service: this batch is lost, counted and logged (no record content).
                    Interlocked.Add(ref _dropped, batch.Count);
                    _logger.LogWarning("Background write of {Count} {Record} records failed: {Error}", batch.Count, typeof(T).Name, e.GetType().Name);
                }
                batch.Clear();
            }
            foreach (var flushed in flushes) flushed.TrySetResult();
            flushes.Clear();
        }
    }

    private readonly record struct Item(T? Record, TaskCompletionSource? Flushed);
}
