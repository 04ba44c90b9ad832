namespace GovAssistant.ChatHub.Conversations;

public sealed partial class ConversationService
{
    // Observer calls made while a conversation is locked, collected to run once the lock is released.
    private static readonly AsyncLocal<List<Func<Task>>?> Pending = new();

    // Per lock stripe, the broadcasts queued last: each batch runs after the previous one of its stripe, so observers hear
    // a conversation's events in the order they were stored, while the next message is already being stored.
    private readonly Task[] _broadcastTails = [.. Enumerable.Range(0, 64).Select(_ => Task.CompletedTask)];

    /// <summary>
    /// Runs <paramref name="action"/> alone for its conversation (on this node; other nodes are kept apart by the version
    /// column), then tells the observers what it did, after releasing the lock: a slow observer (a SignalR client on a
    /// bad network, a channel adapter) no longer holds up the conversation's next message. The caller still waits for its
    /// own broadcasts, so a hub method returns after everyone was told.
    /// </summary>
    private async Task<T> WithLockAsync<T>(string conversationId, Func<Task<T>> action)
    {
        // A client may send null for the id (hubs bind what arrives); it names no conversation anyone may touch.
        if (conversationId is null) throw new ConversationAccessException();
        var stripe = (int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_locks.Length);
        var gate = _locks[stripe];
        var pending = new List<Func<Task>>();
        Task broadcasts;
        T result;
        await gate.WaitAsync();
        try
        {
            Pending.Value = pending;
            try
            {
                result = await action();
            }
            finally
            {
                // Also after a failure: what was stored before it must still be heard.
                Pending.Value = null;
                broadcasts = pending.Count == 0 ? Task.CompletedTask : _broadcastTails[stripe] = RunAfterAsync(_broadcastTails[stripe], pending);
            }
        }
        finally
        {
            gate.Release();
        }
        await broadcasts;
        return result;
    }

    private static async Task RunAfterAsync(Task previous, List<Func<Task>> batch)
    {
        await previous;
        foreach (var call in batch) await call();
    }

    /// <summary>Tells every observer (through <see cref="Safely"/>); deferred until the lock is released when inside one.</summary>
    private Task BroadcastAsync(Func<IConversationObserver, Task> call)
    {
        async Task RunAsync()
        {
            foreach (var o in observers) await Safely(() => call(o));
        }
        if (Pending.Value is { } pending)
        {
            pending.Add(RunAsync);
            return Task.CompletedTask;
        }
        return RunAsync();
    }
}
