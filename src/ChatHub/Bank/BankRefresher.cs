using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Bank;

/// <summary>
/// Keeps the engine on the latest bank: polls the store's revision and, when it moved (an import, an edit,
/// a publish by another process), re-publishes the snapshot to the engine. Runs off the request path; questions
/// keep being answered from the previous index until the swap.
/// </summary>
internal sealed class BankRefresher(IBankStore store, AnswerEngine engine, IOptions<BankOptions> options, ILogger<BankRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await store.GetRevisionAsync(stoppingToken) == engine.Revision) continue;
                var snapshot = await store.GetSnapshotAsync(stoppingToken);
                engine.Publish(snapshot);
                logger.LogInformation("Bank revision {Revision} published: {Count} entries searchable", snapshot.Revision, engine.EntryCount);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed refresh leaves the previous bank in service; the next tick tries again.
                logger.LogError(e, "Bank refresh failed; still answering from revision {Revision}", engine.Revision);
            }
        }
    }
}
