using System.Threading.Channels;
using GovAssistant.ChatHub.Bank;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// Keeps <see cref="EntryEmbeddings"/> on the bank the engine answers from, off the request path: right after start-up,
/// as soon as a reviewer publishes (<see cref="BankPublisher.Published"/>), and on every <c>Bank:RefreshInterval</c>
/// tick when the engine moved to another revision (an import, another node) or the last index left entries without a
/// vector (the model was down). Only registered when an embeddings model is configured.
/// </summary>
internal sealed class EmbeddingIndexer(EntryEmbeddings embeddings, IBankStore store, AnswerEngine engine, BankPublisher publisher,
    IOptions<BankOptions> bank, ILogger<EmbeddingIndexer> logger) : BackgroundService
{
    private readonly Channel<bool> _published = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        void OnPublished(BankSnapshot _) => _published.Writer.TryWrite(true);
        publisher.Published += OnPublished;
        try
        {
            using var timer = new PeriodicTimer(bank.Value.RefreshInterval);
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            // One pending wait for a publish at a time (a new one per tick would pile up in the channel).
            Task<bool>? published = null;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (embeddings.Revision != engine.Revision || !embeddings.IsComplete) await IndexAsync(stoppingToken);
                published ??= _published.Reader.WaitToReadAsync(stoppingToken).AsTask();
                if (await Task.WhenAny(tick, published) == tick)
                {
                    if (!await tick) return;
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                else
                {
                    published = null;
                    _published.Reader.TryRead(out _);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            publisher.Published -= OnPublished;
        }
    }

    private async Task IndexAsync(CancellationToken ct)
    {
        try
        {
            await embeddings.IndexAsync(await store.GetSnapshotAsync(ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store could not be read: the previous vectors stay; the next tick tries again.
            logger.LogError(e, "Could not read the bank for the embedding index");
        }
    }
}
