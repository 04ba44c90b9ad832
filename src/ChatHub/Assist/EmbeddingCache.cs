using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;
using GovAssistant.KnowledgeBase.Storage;

namespace GovAssistant.ChatHub.Assist;

/// <summary>A cached entry vector: the entry, the hash of the text embedded, and the unit vector.</summary>
public sealed record CachedEmbedding(string EntryId, string TextHash, float[] Vector);

/// <summary>
/// The <c>assist_embeddings</c> table (host migration 0450): entry vectors keyed by embeddings model, entry id and
/// the SHA-256 of the embedded text, so an unchanged entry is never embedded twice — not after a publish, not after
/// a restart, not on another node. The SQL is the same on SQLite and PostgreSQL; only the connection differs.
/// </summary>
public sealed class EmbeddingCache(Func<CancellationToken, Task<DbConnection>> open, TimeProvider time)
{
    /// <summary>The cache in the configured database (<c>Storage:Provider</c>).</summary>
    public static EmbeddingCache For(IServiceProvider services) => new(
        services.ConfiguredProvider() == StorageProvider.Postgres
            ? async ct => await services.GetRequiredService<PostgresDatabase>().OpenAsync(ct)
            : ct => Task.FromResult<DbConnection>(services.GetRequiredService<SqliteDatabase>().Open()),
        services.GetRequiredService<TimeProvider>());

    /// <summary>Every vector cached for <paramref name="model"/>.</summary>
    public async Task<IReadOnlyList<CachedEmbedding>> LoadAsync(string model, CancellationToken ct = default)
    {
        await using var connection = await open(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT entry_id AS EntryId, text_hash AS TextHash, vector AS Vector FROM assist_embeddings WHERE model = @model",
            new { model }, cancellationToken: ct));
        return rows.Select(r => new CachedEmbedding(r.EntryId, r.TextHash, Vectors.FromBytes(r.Vector))).ToList();
    }

    /// <summary>Stores vectors first computed for bank revision <paramref name="revision"/>; a key already there is kept.</summary>
    public async Task SaveAsync(string model, long revision, IReadOnlyList<CachedEmbedding> vectors, CancellationToken ct = default)
    {
        if (vectors.Count == 0) return;
        await using var connection = await open(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        foreach (var v in vectors)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO assist_embeddings (model, entry_id, text_hash, revision, dimensions, vector, created_at)
                VALUES (@model, @EntryId, @TextHash, @revision, @dimensions, @vector, @now)
                ON CONFLICT (model, entry_id, text_hash) DO NOTHING
                """, new { model, v.EntryId, v.TextHash, revision, dimensions = v.Vector.Length, vector = Vectors.ToBytes(v.Vector), now },
                transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Deletes the vectors of <paramref name="model"/> for texts no longer in the bank (edited or removed entries).</summary>
    public async Task<int> PruneAsync(string model, IReadOnlySet<(string EntryId, string TextHash)> current, CancellationToken ct = default)
    {
        await using var connection = await open(ct);
        var keys = await connection.QueryAsync<(string EntryId, string TextHash)>(new CommandDefinition(
            "SELECT entry_id, text_hash FROM assist_embeddings WHERE model = @model", new { model }, cancellationToken: ct));
        var stale = keys.Where(k => !current.Contains(k)).ToList();
        foreach (var (entryId, textHash) in stale)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM assist_embeddings WHERE model = @model AND entry_id = @entryId AND text_hash = @textHash",
                new { model, entryId, textHash }, cancellationToken: ct));
        }
        return stale.Count;
    }

    private sealed class Row
    {
        public string EntryId { get; set; } = "";
        public string TextHash { get; set; } = "";
        public byte[] Vector { get; set; } = [];
    }
}
