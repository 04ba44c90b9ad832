using System.Data;
using System.Data.Common;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// The two statements every asked question runs in a batch of the question log — its conversation's open
/// clarification, and the insert — each made once per batch and given new values per question, so the database
/// compiles them once per batch (made anew per question, compiling them was a fifth of the writer's time under load).
/// </summary>
internal sealed class AskedStatements(DbConnection connection, DbTransaction transaction, SqlDialect sql) : IAsyncDisposable
{
    private DbCommand? _latestClarification;
    private DbCommand? _insert;

    /// <summary>The conversation's latest question when it is a clarification nobody picked from: its id and choices.</summary>
    public async Task<(long Id, string Choices)?> LatestClarificationAsync(string conversationId)
    {
        var command = _latestClarification ??= Command(QuestionLogSql.LatestClarification, ("@ConversationId", DbType.String));
        command.Parameters[0].Value = conversationId;
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (reader.GetInt64(0), reader.IsDBNull(1) ? "[]" : reader.GetString(1));
    }

    /// <summary>Inserts the row of a question asked at <paramref name="at"/>.</summary>
    public async Task InsertAsync(DateTimeOffset at, QuestionLog.NewRow row)
    {
        var stamp = sql.Stamp(at);
        var command = _insert ??= Command(QuestionLogSql.Insert(sql.Json("@Candidates"), sql.Json("@Choices")),
            ("@At", stamp is DateTimeOffset ? DbType.DateTimeOffset : DbType.String), ("@Channel", DbType.String),
            ("@ConversationId", DbType.String), ("@Question", DbType.String), ("@Decision", DbType.String),
            ("@Confidence", DbType.Double), ("@EntryId", DbType.String), ("@EntryQuestion", DbType.String),
            ("@Category", DbType.String), ("@Department", DbType.String), ("@Candidates", DbType.String),
            ("@Choices", DbType.String), ("@BotSeq", DbType.Int64));
        object?[] values =
        [
            stamp, row.Channel, row.ConversationId, row.Question, row.Decision, row.Confidence, row.EntryId,
            row.EntryQuestion, row.Category, row.Department, row.Candidates, row.Choices, row.BotSeq,
        ];
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_latestClarification is not null) await _latestClarification.DisposeAsync();
        if (_insert is not null) await _insert.DisposeAsync();
    }

    private DbCommand Command(string text, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
