using System.Data.Common;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Insights;

// The reads and writes, written once for both databases (statements in QuestionLogSql); SqliteQuestionLog and
// PostgresQuestionLog supply the connection and the dialect (SqlDialect).
public abstract partial class QuestionLog
{
    /// <summary>An open connection; the caller disposes it.</summary>
    private protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Applies a batch of queued records, in order, in one transaction.</summary>
    private async Task WriteAsync(IReadOnlyList<QuestionLogWrite> batch)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var asked = new AskedStatements(connection, transaction, Sql))
            foreach (var write in batch) await ApplyAsync(connection, transaction, asked, write);
        await transaction.CommitAsync();
    }

    private async Task ApplyAsync(DbConnection connection, DbTransaction transaction, AskedStatements statements, QuestionLogWrite write)
    {
        switch (write)
        {
            case QuestionLogWrite.Asked asked:
                var q = asked.Question;
                if (!q.OpensConversation && await statements.LatestClarificationAsync(q.ConversationId) is { } previous && PickedChoice(previous.Choices, q) is { } picked)
                    await connection.ExecuteAsync(QuestionLogSql.Pick, new { picked, previous.Id }, transaction);
                await statements.InsertAsync(asked.At, Prepare(asked));
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

    /// <summary>Rows of the period that pass the filter, by id.</summary>
    private async Task<IEnumerable<Row>> SelectAsync(InsightFilter filter, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.QueryAsync<Row>(new CommandDefinition(QuestionLogSql.Select, new
        {
            From = Sql.Stamp(filter.From), To = Sql.Stamp(filter.To), filter.Channel, filter.Category, filter.Department,
        }, cancellationToken: ct));
    }

    /// <summary>See <see cref="MostAnsweredAsync"/>.</summary>
    private async Task<IReadOnlyList<(string EntryId, int Count)>> SelectMostAnsweredAsync(DateTimeOffset since, int max, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<(string, long)>(new CommandDefinition(QuestionLogSql.MostAnswered,
            new { From = Sql.Stamp(since), max }, cancellationToken: ct));
        return rows.Select(r => (r.Item1, (int)r.Item2)).ToList();
    }

    /// <summary>See <see cref="MarkHandledAsync"/>.</summary>
    private async Task<int> UpdateHandledAsync(long[] ids, string actor, string draftId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(QuestionLogSql.Handle(Sql.AnyOf("@ids")),
            new { At = Sql.Stamp(at), actor, draftId, ids }, cancellationToken: ct));
    }

    /// <summary>See <see cref="ResolveSuggestionsAsync"/>.</summary>
    private async Task<int> UpdateSuggestionsAsync(long[] ids, string status, string actor, string? draftId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(QuestionLogSql.ResolveSuggestions(Sql.AnyOf("@ids")),
            new { status, actor, At = Sql.Stamp(at), draftId, ids }, cancellationToken: ct));
    }
}
