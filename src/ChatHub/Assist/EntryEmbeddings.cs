using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using GovAssistant.KnowledgeBase;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// The entry vectors the re-rank reads, for one bank revision: on each new revision the vectors of unchanged entries
/// come from <see cref="EmbeddingCache"/> and only new or edited entries are sent to the model, in batches of
/// <see cref="LlmOptions.EmbeddingBatchSize"/>. The in-memory set is swapped whole, so a question never sees half a
/// revision. If the model fails, the entries it could not embed have no vector (and <see cref="IsComplete"/> is
/// false until a later <see cref="IndexAsync"/> fills them in).
/// </summary>
public sealed class EntryEmbeddings(IEmbeddingModel model, EmbeddingCache cache, IOptions<LlmOptions> options, ILogger<EntryEmbeddings> logger)
{
    private const int SimilarQuestions = 10;
    private volatile Indexed _current = new(-1, FrozenDictionary<string, float[]>.Empty, true);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _waitersLock = new();
    private readonly List<(long Revision, TaskCompletionSource Done)> _waiters = [];

    private sealed record Indexed(long Revision, FrozenDictionary<string, float[]> Vectors, bool Complete);

    /// <summary>The bank revision the vectors are for (−1 before the first index).</summary>
    public long Revision => _current.Revision;

    /// <summary>True when every entry of <see cref="Revision"/> has a vector.</summary>
    public bool IsComplete => _current.Complete;

    /// <summary>The vector of entry <paramref name="id"/>, or null.</summary>
    public float[]? Of(string id) => _current.Vectors.GetValueOrDefault(id);

    /// <summary>What is embedded for an entry: its standard question and up to ten similar questions, one per line.</summary>
    public static string TextOf(FaqEntry entry) =>
        string.Join("\n", entry.SimilarQuestions.Take(SimilarQuestions).Prepend(entry.Question));

    /// <summary>SHA-256 (hex) of <paramref name="text"/>: the cache key of a vector besides model and entry id.</summary>
    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Makes <paramref name="snapshot"/>'s vectors current, computing only what the cache lacks. Returns the number of
    /// entries sent to the model. Never throws for the model's sake; a failing database is logged and leaves the
    /// previous vectors in place.
    /// </summary>
    public async Task<int> IndexAsync(BankSnapshot snapshot, CancellationToken ct = default)
    {
        if (!model.IsOn) return 0;
        await _gate.WaitAsync(ct);
        try
        {
            if (snapshot.Revision == _current.Revision && _current.Complete) return 0;
            var name = model.Name!;
            var texts = snapshot.Entries.Select(e => (e.Id, Text: TextOf(e))).Select(t => (t.Id, t.Text, Hash: HashOf(t.Text))).ToList();
            var cached = (await cache.LoadAsync(name, ct)).ToDictionary(c => (c.EntryId, c.TextHash), c => c.Vector);
            var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
            var missing = new List<(string Id, string Text, string Hash)>();
            foreach (var t in texts)
            {
                if (cached.TryGetValue((t.Id, t.Hash), out var v)) vectors[t.Id] = v;
                else missing.Add(t);
            }

            var sent = 0;
            foreach (var batch in missing.Chunk(Math.Max(1, options.Value.EmbeddingBatchSize)))
            {
                var ids = batch.Select(b => b.Id).ToList();
                sent += batch.Length;
                // A failed batch is skipped, not retried here: the pipeline already retried, and the indexer comes back later.
                if (await model.EmbedAsync(batch.Select(b => b.Text).ToList(), "entry-embeddings", ids, ct) is not { } embedded) continue;
                var fresh = batch.Select((b, i) => new CachedEmbedding(b.Id, b.Hash, embedded[i])).ToList();
                await cache.SaveAsync(name, snapshot.Revision, fresh, ct);
                foreach (var f in fresh) vectors[f.EntryId] = f.Vector;
            }
            var complete = vectors.Count == texts.Count;
            if (complete) await cache.PruneAsync(name, texts.Select(t => (t.Id, t.Hash)).ToHashSet(), ct);
            _current = new Indexed(snapshot.Revision, vectors.ToFrozenDictionary(StringComparer.Ordinal), complete);
            logger.LogInformation("Embeddings for bank revision {Revision}: {Cached} from the cache, {Sent} sent to {Model}, {Missing} without a vector",
                snapshot.Revision, texts.Count - missing.Count, sent, name, texts.Count - vectors.Count);
            return sent;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Embedding index for bank revision {Revision} failed; re-rank stays on revision {Current}", snapshot.Revision, _current.Revision);
            return 0;
        }
        finally
        {
            _gate.Release();
            Signal();
        }
    }

    /// <summary>Completes when revision <paramref name="revision"/> (or a later one) has been indexed (tests, eval).</summary>
    public Task WhenIndexedAsync(long revision, CancellationToken ct = default)
    {
        lock (_waitersLock)
        {
            if (_current.Revision >= revision) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((revision, done));
            return done.Task.WaitAsync(ct);
        }
    }

    private void Signal()
    {
        lock (_waitersLock)
        {
            foreach (var w in _waiters.Where(w => _current.Revision >= w.Revision).ToList())
            {
                w.Done.TrySetResult();
                _waiters.Remove(w);
            }
        }
    }
}
