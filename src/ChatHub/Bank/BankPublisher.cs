using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;

namespace GovAssistant.ChatHub.Bank;

/// <summary>
/// Hands the store's latest snapshot to the engine at once, after a reviewer publishes, instead of waiting for
/// <see cref="BankRefresher"/>'s next tick. The engine swaps its index only when the new one is complete, so
/// questions asked meanwhile are answered from the previous bank: there is no moment without answers.
/// </summary>
public sealed class BankPublisher(IBankStore store, AnswerEngine engine, ILogger<BankPublisher> logger)
{
    /// <summary>Raised (on the publishing thread) after the engine took a new revision; the consistency monitor listens.</summary>
    public event Action<BankSnapshot>? Published;

    // Read-then-publish one at a time, so an older snapshot never replaces a newer one.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Re-indexes now if the store moved past the revision the engine answers from.</summary>
    public async Task RefreshNowAsync(CancellationToken cancellationToken = default)
    {
        BankSnapshot snapshot;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await store.GetRevisionAsync(cancellationToken) == engine.Revision) return;
            snapshot = await store.GetSnapshotAsync(cancellationToken);
            // The publishing request waits for the new index; ask requests keep being served from the old one meanwhile.
            await Task.Run(() => engine.Publish(snapshot), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
        logger.LogInformation("Bank revision {Revision} published on review: {Count} entries searchable", snapshot.Revision, engine.EntryCount);
        Published?.Invoke(snapshot);
    }
}
