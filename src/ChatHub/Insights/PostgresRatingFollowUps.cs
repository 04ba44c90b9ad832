using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Insights;

/// <summary>Follow-ups in PostgreSQL.</summary>
public sealed class PostgresRatingFollowUps(PostgresDatabase database, TimeProvider time) : RatingFollowUps(time)
{
    protected override async Task SaveAsync(RatingFollowUp f, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(Upsert,
            new { f.ConversationId, f.Note, f.Actor, At = f.At.ToUniversalTime() }, cancellationToken: ct));
    }

    protected override async Task<IEnumerable<RatingFollowUp>> LoadAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(SelectAll, cancellationToken: ct))).Select(r => r.ToFollowUp()).ToList();
    }
}
