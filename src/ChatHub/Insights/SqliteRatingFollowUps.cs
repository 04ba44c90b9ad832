using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Insights;

/// <summary>Follow-ups in the service's SQLite file.</summary>
public sealed class SqliteRatingFollowUps(SqliteDatabase database, TimeProvider time) : RatingFollowUps(time)
{
    protected override async Task SaveAsync(RatingFollowUp f, CancellationToken ct)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(Upsert,
            new { f.ConversationId, f.Note, f.Actor, At = StoredTime.Text(f.At) }, cancellationToken: ct));
    }

    protected override async Task<IEnumerable<RatingFollowUp>> LoadAsync(CancellationToken ct)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<Row>(new CommandDefinition(SelectAll, cancellationToken: ct))).Select(r => r.ToFollowUp()).ToList();
    }
}
