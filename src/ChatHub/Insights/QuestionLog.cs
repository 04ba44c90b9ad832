using System.Text.Json;
using Dapper;
using GovAssistant.ChatHub.Storage;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Privacy;
using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// Every question asked on any channel, masked (<see cref="PiiMasker"/>), with the engine's decision and what happened
/// next: the choice picked after a clarification, escalation to a person, 👍/👎 and the conversation's rating. Lives
/// in the <c>insight_questions</c> table of the service's SQLite file. The recording methods never throw: a failing
/// analytics write must not stop a citizen from getting an answer.
/// </summary>
public sealed class QuestionLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<QuestionLog> _logger;

    /// <summary>Uses the service database <paramref name="database"/>, creating the tables if needed.</summary>
    public QuestionLog(SqliteDatabase database, TimeProvider time, ILogger<QuestionLog> logger)
    {
        _database = database;
        _time = time;
        _logger = logger;
        using var connection = _database.Open();
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS insight_questions (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, channel TEXT NOT NULL, conversation_id TEXT NOT NULL,
                question TEXT NOT NULL, decision TEXT NOT NULL, confidence REAL NOT NULL, entry_id TEXT, entry_question TEXT,
                category TEXT, department TEXT, candidates TEXT NOT NULL, choices TEXT NOT NULL, bot_seq INTEGER,
                picked_entry_id TEXT, escalated INTEGER NOT NULL DEFAULT 0, feedback INTEGER, rating INTEGER,
                handled_at TEXT, handled_by TEXT, handled_draft TEXT,
                suggestion_status TEXT, suggestion_by TEXT, suggestion_at TEXT, suggestion_draft TEXT);
            CREATE INDEX IF NOT EXISTS ix_insight_questions_at ON insight_questions (at);
            CREATE INDEX IF NOT EXISTS ix_insight_questions_conversation ON insight_questions (conversation_id, id);
            """);
    }

    /// <summary>Logs a question (masked). When the previous question of the conversation was a clarification, records
    /// which choice this one picked: the same text as a choice, or an answer from one of the offered entries.</summary>
    public Task RecordAsync(QuestionAsked q) => Safely(async connection =>
    {
        var r = q.Result;
        var previous = await connection.QuerySingleOrDefaultAsync<Clarification>(
            "SELECT id, choices FROM insight_questions WHERE conversation_id = @ConversationId AND decision = 'clarify' " +
            "AND picked_entry_id IS NULL AND id = (SELECT MAX(id) FROM insight_questions WHERE conversation_id = @ConversationId);",
            new { q.ConversationId });
        if (previous is not null && PickedChoice(previous.Choices, q.Text, r) is { } picked)
            await connection.ExecuteAsync("UPDATE insight_questions SET picked_entry_id = @picked WHERE id = @Id;", new { picked, previous.Id });
        await connection.ExecuteAsync("""
            INSERT INTO insight_questions (at, channel, conversation_id, question, decision, confidence, entry_id, entry_question,
                category, department, candidates, choices, bot_seq)
            VALUES (@At, @Channel, @ConversationId, @Question, @Decision, @Confidence, @EntryId, @EntryQuestion,
                @Category, @Department, @Candidates, @Choices, @BotSeq);
            """, new
        {
            At = _time.GetUtcNow().ToString("O"), q.Channel, q.ConversationId, Question = PiiMasker.Mask(q.Text),
            Decision = JsonNamingPolicy.CamelCase.ConvertName(r.Decision.ToString()), Confidence = Math.Round(r.Confidence, 4),
            EntryId = r.Entry?.Id, EntryQuestion = r.Entry?.Question, Category = r.Entry?.Category ?? q.Category,
            Department = r.Entry?.Department ?? q.Department,
            Candidates = JsonSerializer.Serialize(r.Candidates.Take(5).Select(c => new LoggedCandidate(c.Id, c.Question, Math.Round(c.Score, 4))), Json),
            Choices = JsonSerializer.Serialize(r.Choices.Select(c => new LoggedCandidate(c.Id, c.Question, Math.Round(c.Score, 4))), Json),
            q.BotSeq,
        });
    });

    /// <summary>The conversation went to a person (or was offered a ticket) after its latest question.</summary>
    public Task MarkEscalatedAsync(string conversationId) => Safely(connection => connection.ExecuteAsync(
        "UPDATE insight_questions SET escalated = 1 WHERE id = (SELECT MAX(id) FROM insight_questions WHERE conversation_id = @conversationId);",
        new { conversationId }));

    /// <summary>👍/👎 on the bot reply with sequence number <paramref name="botSeq"/>.</summary>
    public Task RecordFeedbackAsync(string conversationId, long botSeq, bool helpful) => Safely(connection => connection.ExecuteAsync(
        "UPDATE insight_questions SET feedback = @feedback WHERE conversation_id = @conversationId AND bot_seq = @botSeq;",
        new { conversationId, botSeq, feedback = helpful ? 1 : -1 }));

    /// <summary>The conversation was rated (好差评).</summary>
    public Task RecordRatingAsync(string conversationId, int rating) => Safely(connection => connection.ExecuteAsync(
        "UPDATE insight_questions SET rating = @rating WHERE conversation_id = @conversationId;", new { conversationId, rating }));

    /// <summary>Questions of the period that pass the filter, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedQuestion>> ListAsync(InsightFilter filter, CancellationToken ct = default)
    {
        await using var connection = _database.Open();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, at, channel, conversation_id AS ConversationId, question, decision, confidence, entry_id AS EntryId,
                entry_question AS EntryQuestion, category, department, candidates, choices, picked_entry_id AS PickedEntryId,
                escalated, feedback, rating, handled_at AS HandledAt, suggestion_status AS SuggestionStatus
            FROM insight_questions
            WHERE at >= @From AND at < @To AND (@Channel IS NULL OR channel = @Channel)
              AND (@Category IS NULL OR category = @Category) AND (@Department IS NULL OR department = @Department)
            ORDER BY id;
            """, new
        {
            From = filter.From.ToUniversalTime().ToString("O"), To = filter.To.ToUniversalTime().ToString("O"),
            filter.Channel, filter.Category, filter.Department,
        }, cancellationToken: ct));
        return rows.Select(r => r.ToQuestion()).ToList();
    }

    /// <summary>Entries that answered the most questions since <paramref name="since"/>, most asked first (the first screen's
    /// 热门问题); ties go to the entry asked most recently.</summary>
    public async Task<IReadOnlyList<(string EntryId, int Count)>> MostAnsweredAsync(DateTimeOffset since, int max, CancellationToken ct = default)
    {
        await using var connection = _database.Open();
        var rows = await connection.QueryAsync<(string, long)>(new CommandDefinition("""
            SELECT entry_id, COUNT(*) FROM insight_questions
            WHERE at >= @From AND decision = 'answered' AND entry_id IS NOT NULL
            GROUP BY entry_id ORDER BY COUNT(*) DESC, MAX(id) DESC LIMIT @max;
            """, new { From = since.ToUniversalTime().ToString("O"), max }, cancellationToken: ct));
        return rows.Select(r => (r.Item1, (int)r.Item2)).ToList();
    }

    /// <summary>Marks the questions of a cluster as handled by <paramref name="actor"/> with draft <paramref name="draftId"/>;
    /// returns how many were still open.</summary>
    public async Task<int> MarkHandledAsync(IReadOnlyList<long> ids, string actor, string draftId, CancellationToken ct = default)
    {
        await using var connection = _database.Open();
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE insight_questions SET handled_at = @At, handled_by = @actor, handled_draft = @draftId WHERE id IN @ids AND handled_at IS NULL;",
            new { At = _time.GetUtcNow().ToString("O"), actor, draftId, ids }, cancellationToken: ct));
    }

    /// <summary>Records an editor's decision (accepted/rejected) on the suggestions the questions gave; returns how many were open.</summary>
    public async Task<int> ResolveSuggestionsAsync(IReadOnlyList<long> ids, string status, string actor, string? draftId, CancellationToken ct = default)
    {
        await using var connection = _database.Open();
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE insight_questions SET suggestion_status = @status, suggestion_by = @actor, suggestion_at = @At, suggestion_draft = @draftId
            WHERE id IN @ids AND suggestion_status IS NULL;
            """, new { status, actor, At = _time.GetUtcNow().ToString("O"), draftId, ids }, cancellationToken: ct));
    }

    private static string? PickedChoice(string choicesJson, string text, AnswerResult next)
    {
        var choices = JsonSerializer.Deserialize<LoggedCandidate[]>(choicesJson, Json) ?? [];
        var said = Plain(text);
        var same = choices.FirstOrDefault(c => Plain(c.Question) == said);
        if (same is not null) return same.Id;
        return next.Decision == AnswerDecision.Answered && choices.Any(c => c.Id == next.Entry!.Id) ? next.Entry!.Id : null;
    }

    private static string Plain(string s) => s.Trim().TrimEnd('？', '?', '。', '！', '!', ' ');

    private async Task Safely(Func<SqliteConnection, Task> write)
    {
        try
        {
            await using var connection = _database.Open();
            await write(connection);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or JsonException)
        {
            // Never the question's text: only the failure.
            _logger.LogWarning("Question log write failed: {Error}", e.GetType().Name);
        }
    }


    private sealed record Clarification(long Id, string Choices);

    private sealed record Row(
        long Id, string At, string Channel, string ConversationId, string Question, string Decision, double Confidence,
        string? EntryId, string? EntryQuestion, string? Category, string? Department, string Candidates, string Choices,
        string? PickedEntryId, long Escalated, long? Feedback, long? Rating, string? HandledAt, string? SuggestionStatus)
    {
        public LoggedQuestion ToQuestion() => new(
            Id, DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture), Channel, ConversationId, Question, Decision,
            Confidence, EntryId, EntryQuestion, Category, Department,
            JsonSerializer.Deserialize<LoggedCandidate[]>(Candidates, Json) ?? [], JsonSerializer.Deserialize<LoggedCandidate[]>(Choices, Json) ?? [],
            PickedEntryId, Escalated != 0, (int?)Feedback, (int?)Rating, HandledAt is not null, SuggestionStatus);
    }
}
