using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>The question log in the service's SQLite file (times as ISO-8601 text, candidate lists as JSON text).</summary>
public sealed class SqliteQuestionLog(SqliteDatabase database, TimeProvider time, IOptions<InsightsOptions> options, ILogger<SqliteQuestionLog> logger)
    : QuestionLog(time, options.Value, logger)
{
    protected override async Task WriteAsync(IReadOnlyList<QuestionLogWrite> batch)
    {
        await using var connection = database.Open();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var write in batch) await ApplyAsync(connection, transaction, write);
        await transaction.CommitAsync();
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, QuestionLogWrite write)
    {
        switch (write)
        {
            case QuestionLogWrite.Asked asked:
                var q = asked.Question;
                var previous = await connection.QuerySingleOrDefaultAsync<Clarification>(QuestionLogSql.LatestClarification, new { q.ConversationId }, transaction);
                if (previous is not null && PickedChoice(previous.Choices, q) is { } picked)
                    await connection.ExecuteAsync(QuestionLogSql.Pick, new { picked, previous.Id }, transaction);
                var row = Prepare(asked);
                await connection.ExecuteAsync(QuestionLogSql.Insert("@Candidates", "@Choices"), new
                {
                    At = StoredTime.Text(asked.At), row.Channel, row.ConversationId, row.Question, row.Decision, row.Confidence, row.EntryId,
                    row.EntryQuestion, row.Category, row.Department, row.Candidates, row.Choices, row.BotSeq,
                }, transaction);
                break;
            case QuestionLogWrite.Escalated e:
                await connection.ExecuteAsync(QuestionLogSql.Escalate, new { e.ConversationId }, transaction);
                break;
            case QuestionLogWrite.Feedback f:
                await connection.ExecuteAsync(QuestionLogSql.Feedback, new { f.ConversationId, f.BotSeq, f.Value }, transaction);
                break;
            case QuestionLogWrite.Rated r:
                await connection.ExecuteAsync(QuestionLogSql.Rate, new { r.ConversationId, r.Rating }, transaction);
                break;
        }
    }

    protected override async Task<IEnumerable<Row>> SelectAsync(InsightFilter filter, CancellationToken ct)
    {
        await using var connection = database.Open();
        return await connection.QueryAsync<Row>(new CommandDefinition(QuestionLogSql.Select, new
        {
            From = StoredTime.Text(filter.From), To = StoredTime.Text(filter.To), filter.Channel, filter.Category, filter.Department,
        }, cancellationToken: ct));
    }

    protected override async Task<IReadOnlyList<(string EntryId, int Count)>> SelectMostAnsweredAsync(DateTimeOffset since, int max, CancellationToken ct)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<(string, long)>(new CommandDefinition(QuestionLogSql.MostAnswered,
            new { From = StoredTime.Text(since), max }, cancellationToken: ct));
        return rows.Select(r => (r.Item1, (int)r.Item2)).ToList();
    }

    protected override async Task<int> UpdateHandledAsync(long[] ids, string actor, string draftId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = database.Open();
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE insight_questions SET handled_at = @At, handled_by = @actor, handled_draft = @draftId WHERE id IN @ids AND handled_at IS NULL;",
            new { At = StoredTime.Text(at), actor, draftId, ids }, cancellationToken: ct));
    }

    protected override async Task<int> UpdateSuggestionsAsync(long[] ids, string status, string actor, string? draftId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = database.Open();
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE insight_questions SET suggestion_status = @status, suggestion_by = @actor, suggestion_at = @At, suggestion_draft = @draftId
            WHERE id IN @ids AND suggestion_status IS NULL;
            """, new { status, actor, At = StoredTime.Text(at), draftId, ids }, cancellationToken: ct));
    }
}
