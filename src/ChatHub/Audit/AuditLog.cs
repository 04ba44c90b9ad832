namespace GovAssistant.ChatHub.Audit;

/// <summary>
/// Append-only record of administrative actions (bank edits and publishes, account changes, reveals of personal
/// data) in the <c>audit_log</c> table: <see cref="SqliteAuditLog"/> or <see cref="PostgresAuditLog"/> by
/// <c>Storage:Provider</c>.
/// </summary>
public abstract class AuditLog(TimeProvider time)
{
    /// <summary>Records an action by <paramref name="actor"/>.</summary>
    public async Task<AuditEntry> RecordAsync(string actor, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var entry = new AuditEntry(0, time.GetUtcNow(), actor, action, target, detail);
        return entry with { Id = await InsertAsync(entry, cancellationToken) };
    }

    /// <summary>Entries matching <paramref name="query"/>, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        SelectAsync(query, Math.Clamp(query.Max, 1, 100_000), cancellationToken);

    /// <summary>Stores <paramref name="entry"/>; returns its id.</summary>
    protected abstract Task<long> InsertAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="max"/> entries matching <paramref name="query"/>, newest first.</summary>
    protected abstract Task<IReadOnlyList<AuditEntry>> SelectAsync(AuditQuery query, int max, CancellationToken cancellationToken);

    /// <summary>The filter both providers apply (parameters @Actor, @Action, @Target, @From, @To, @Max).</summary>
    protected const string Filter = """
        WHERE (@Actor IS NULL OR actor = @Actor) AND (@Action IS NULL OR action = @Action)
          AND (@Target IS NULL OR target = @Target)
          AND (@From IS NULL OR at >= @From) AND (@To IS NULL OR at < @To)
        ORDER BY id DESC LIMIT @Max
        """;

    /// <summary>A row as both providers return it.</summary>
    protected sealed class Row
    {
        public long Id { get; set; }
        public object At { get; set; } = "";
        public string Actor { get; set; } = "";
        public string Action { get; set; } = "";
        public string? Target { get; set; }
        public string? Detail { get; set; }

        public AuditEntry ToEntry() => new(Id, Storage.StoredTime.Read(At), Actor, Action, Target, Detail);
    }
}
