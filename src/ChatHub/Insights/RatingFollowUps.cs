namespace GovAssistant.ChatHub.Insights;

/// <summary>A supervisor's follow-up of a 差评.</summary>
public sealed record RatingFollowUp(string ConversationId, string Note, string Actor, DateTimeOffset At);

/// <summary>
/// Supervisors' "已跟进" marks on badly rated conversations (<c>insight_followups</c> table):
/// <see cref="SqliteRatingFollowUps"/> or <see cref="PostgresRatingFollowUps"/> by <c>Storage:Provider</c>.
/// </summary>
public abstract class RatingFollowUps(TimeProvider time)
{
    /// <summary>The upsert both providers understand (a later mark replaces the note).</summary>
    protected const string Upsert = """
        INSERT INTO insight_followups (conversation_id, note, actor, at) VALUES (@ConversationId, @Note, @Actor, @At)
        ON CONFLICT (conversation_id) DO UPDATE SET note = excluded.note, actor = excluded.actor, at = excluded.at;
        """;

    /// <summary>Marks the conversation followed up (a later mark replaces the note).</summary>
    public async Task<RatingFollowUp> MarkAsync(string conversationId, string note, string actor, CancellationToken ct = default)
    {
        var followUp = new RatingFollowUp(conversationId, note, actor, time.GetUtcNow());
        await SaveAsync(followUp, ct);
        return followUp;
    }

    /// <summary>Every follow-up, by conversation id.</summary>
    public async Task<IReadOnlyDictionary<string, RatingFollowUp>> AllAsync(CancellationToken ct = default) =>
        (await LoadAsync(ct)).ToDictionary(f => f.ConversationId, StringComparer.Ordinal);

    /// <summary>Stores <paramref name="followUp"/>, replacing the conversation's earlier one.</summary>
    protected abstract Task SaveAsync(RatingFollowUp followUp, CancellationToken ct);

    /// <summary>Every stored follow-up.</summary>
    protected abstract Task<IEnumerable<RatingFollowUp>> LoadAsync(CancellationToken ct);

    /// <summary>A row as both providers return it.</summary>
    protected sealed class Row
    {
        public string ConversationId { get; set; } = "";
        public string Note { get; set; } = "";
        public string Actor { get; set; } = "";
        public object At { get; set; } = "";

        public RatingFollowUp ToFollowUp() => new(ConversationId, Note, Actor, Storage.StoredTime.Read(At));
    }

    /// <summary>The query both providers run.</summary>
    protected const string SelectAll = "SELECT conversation_id AS ConversationId, note, actor, at FROM insight_followups;";
}
