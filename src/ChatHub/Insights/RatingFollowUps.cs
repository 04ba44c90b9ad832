using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Insights;

/// <summary>A supervisor's follow-up of a 差评.</summary>
public sealed record RatingFollowUp(string ConversationId, string Note, string Actor, DateTimeOffset At);

/// <summary>Supervisors' "已跟进" marks on badly rated conversations (<c>insight_followups</c> table).</summary>
public sealed class RatingFollowUps
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Uses the service database <paramref name="database"/>, creating the table if needed.</summary>
    public RatingFollowUps(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        using var connection = _database.Open();
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS insight_followups (
                conversation_id TEXT PRIMARY KEY, note TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL);
            """);
    }

    /// <summary>Marks the conversation followed up (a later mark replaces the note).</summary>
    public async Task<RatingFollowUp> MarkAsync(string conversationId, string note, string actor, CancellationToken ct = default)
    {
        var at = _time.GetUtcNow();
        await using var connection = _database.Open();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO insight_followups (conversation_id, note, actor, at) VALUES (@conversationId, @note, @actor, @At)
            ON CONFLICT (conversation_id) DO UPDATE SET note = excluded.note, actor = excluded.actor, at = excluded.at;
            """, new { conversationId, note, actor, At = at.ToString("O") }, cancellationToken: ct));
        return new RatingFollowUp(conversationId, note, actor, at);
    }

    /// <summary>Every follow-up, by conversation id.</summary>
    public async Task<IReadOnlyDictionary<string, RatingFollowUp>> AllAsync(CancellationToken ct = default)
    {
        await using var connection = _database.Open();
        var rows = await connection.QueryAsync<(string ConversationId, string Note, string Actor, string At)>(new CommandDefinition(
            "SELECT conversation_id, note, actor, at FROM insight_followups;", cancellationToken: ct));
        return rows.ToDictionary(r => r.ConversationId,
            r => new RatingFollowUp(r.ConversationId, r.Note, r.Actor, DateTimeOffset.Parse(r.At, System.Globalization.CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);
    }
}
