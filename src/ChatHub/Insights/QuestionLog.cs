using System.Text.Json;
using GovAssistant.ChatHub.Storage;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Privacy;

namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// Every question asked on any channel, masked (<see cref="PiiMasker"/>), with the engine's decision and what happened
/// next: the choice picked after a clarification, escalation to a person, 👍/👎 and the conversation's rating. Lives
/// in the <c>insight_questions</c> table (<see cref="SqliteQuestionLog"/> or <see cref="PostgresQuestionLog"/>).
/// The recording methods only queue the record (<see cref="WriteQueue{T}"/>): the question is masked and written in
/// the background, batched, so neither <c>/api/ask</c> nor a hub message waits on the database, and a failing
/// analytics write never stops a citizen from getting an answer. Every read flushes the queue first.
/// </summary>
public abstract partial class QuestionLog : IAsyncDisposable
{
    /// <summary>JSON of the candidate lists.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly WriteQueue<QuestionLogWrite> _queue;

    /// <summary>Starts the background writer.</summary>
    private protected QuestionLog(SqlDialect sql, TimeProvider time, InsightsOptions options, ILogger logger)
    {
        Sql = sql;
        Time = time;
        _queue = new WriteQueue<QuestionLogWrite>(options.WriteQueueCapacity, options.WriteBatchSize, WriteAsync, logger);
    }

    /// <summary>The SQL dialect of the database.</summary>
    private SqlDialect Sql { get; }

    /// <summary>The clock.</summary>
    private TimeProvider Time { get; }

    /// <summary>Records dropped since start (queue full or a failed write), for the dashboard and metrics.</summary>
    public long DroppedRecords => _queue.Dropped;

    /// <summary>Records written since start.</summary>
    public long WrittenRecords => _queue.Written;

    /// <summary>Logs a question (masked). When the previous question of the conversation was a clarification, records
    /// which choice this one picked: the same text as a choice, or an answer from one of the offered entries.</summary>
    public Task RecordAsync(QuestionAsked q) => Queue(new QuestionLogWrite.Asked(q, Time.GetUtcNow()));

    /// <summary>The conversation went to a person (or was offered a ticket) after its latest question.</summary>
    public Task MarkEscalatedAsync(string conversationId) => Queue(new QuestionLogWrite.Escalated(conversationId));

    /// <summary>👍/👎 on the bot reply with sequence number <paramref name="botSeq"/>.</summary>
    public Task RecordFeedbackAsync(string conversationId, long botSeq, bool helpful) =>
        Queue(new QuestionLogWrite.Feedback(conversationId, botSeq, helpful ? 1 : -1));

    /// <summary>The conversation was rated (好差评).</summary>
    public Task RecordRatingAsync(string conversationId, int rating) => Queue(new QuestionLogWrite.Rated(conversationId, rating));

    /// <summary>Completes once everything recorded before the call is in the database.</summary>
    public Task FlushAsync(CancellationToken ct = default) => _queue.FlushAsync(ct);

    /// <summary>Stops accepting records and writes what is queued (the host's graceful stop).</summary>
    public Task CloseAsync() => _queue.CloseAsync();

    /// <inheritdoc cref="CloseAsync"/>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Questions of the period that pass the filter, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedQuestion>> ListAsync(InsightFilter filter, CancellationToken ct = default)
    {
        await FlushAsync(ct);
        return (await SelectAsync(filter, ct)).Select(r => r.ToQuestion()).ToList();
    }

    /// <summary>Entries that answered the most questions since <paramref name="since"/>, most asked first (the first screen's
    /// 热门问题); ties go to the entry asked most recently.</summary>
    public async Task<IReadOnlyList<(string EntryId, int Count)>> MostAnsweredAsync(DateTimeOffset since, int max, CancellationToken ct = default)
    {
        await FlushAsync(ct);
        return await SelectMostAnsweredAsync(since, max, ct);
    }

    /// <summary>Marks the questions of a cluster as handled by <paramref name="actor"/> with draft <paramref name="draftId"/>;
    /// returns how many were still open.</summary>
    public async Task<int> MarkHandledAsync(IReadOnlyList<long> ids, string actor, string draftId, CancellationToken ct = default)
    {
        await FlushAsync(ct);
        return await UpdateHandledAsync(ids.ToArray(), actor, draftId, Time.GetUtcNow(), ct);
    }

    /// <summary>Records an editor's decision (accepted/rejected) on the suggestions the questions gave; returns how many were open.</summary>
    public async Task<int> ResolveSuggestionsAsync(IReadOnlyList<long> ids, string status, string actor, string? draftId, CancellationToken ct = default)
    {
        await FlushAsync(ct);
        return await UpdateSuggestionsAsync(ids.ToArray(), status, actor, draftId, Time.GetUtcNow(), ct);
    }

    /// <summary>The row an asked question becomes (masked here, in the background, not on the request path).</summary>
    private static NewRow Prepare(QuestionLogWrite.Asked asked)
    {
        var (q, r) = (asked.Question, asked.Question.Result);
        return new NewRow(q.Channel, q.ConversationId, PiiMasker.Mask(q.Text), JsonNamingPolicy.CamelCase.ConvertName(r.Decision.ToString()),
            Math.Round(r.Confidence, 4), r.Entry?.Id, r.Entry?.Question, r.Entry?.Category ?? q.Category, r.Entry?.Department ?? q.Department,
            JsonSerializer.Serialize(r.Candidates.Take(5).Select(c => new LoggedCandidate(c.Id, c.Question, Math.Round(c.Score, 4))), JsonOptions),
            JsonSerializer.Serialize(r.Choices.Select(c => new LoggedCandidate(c.Id, c.Question, Math.Round(c.Score, 4))), JsonOptions),
            q.BotSeq);
    }

    /// <summary>The entry id the visitor picked from the clarification <paramref name="choicesJson"/>, or null.</summary>
    private static string? PickedChoice(string choicesJson, QuestionAsked next)
    {
        var choices = JsonSerializer.Deserialize<LoggedCandidate[]>(choicesJson, JsonOptions) ?? [];
        var said = Plain(next.Text);
        var same = choices.FirstOrDefault(c => Plain(c.Question) == said);
        if (same is not null) return same.Id;
        var result = next.Result;
        return result.Decision == AnswerDecision.Answered && choices.Any(c => c.Id == result.Entry!.Id) ? result.Entry!.Id : null;
    }

    private static string Plain(string s) => s.Trim().TrimEnd('？', '?', '。', '！', '!', ' ');

    private Task Queue(QuestionLogWrite write)
    {
        _queue.Enqueue(write);
        return Task.CompletedTask;
    }

    /// <summary>A question row about to be inserted.</summary>
    internal sealed record NewRow(string Channel, string ConversationId, string Question, string Decision, double Confidence,
        string? EntryId, string? EntryQuestion, string? Category, string? Department, string Candidates, string Choices, long? BotSeq);

    /// <summary>A row as both providers return it (settable, so Dapper converts each provider's column types).</summary>
    private sealed class Row
    {
        public long Id { get; set; }
        public object At { get; set; } = "";
        public string Channel { get; set; } = "";
        public string ConversationId { get; set; } = "";
        public string Question { get; set; } = "";
        public string Decision { get; set; } = "";
        public double Confidence { get; set; }
        public string? EntryId { get; set; }
        public string? EntryQuestion { get; set; }
        public string? Category { get; set; }
        public string? Department { get; set; }
        public string Candidates { get; set; } = "[]";
        public string Choices { get; set; } = "[]";
        public string? PickedEntryId { get; set; }
        public bool Escalated { get; set; }
        public int? Feedback { get; set; }
        public int? Rating { get; set; }
        public bool Handled { get; set; }
        public string? SuggestionStatus { get; set; }

        public LoggedQuestion ToQuestion() => new(
            Id, StoredTime.Read(At), Channel, ConversationId, Question, Decision, Confidence, EntryId, EntryQuestion, Category, Department,
            JsonSerializer.Deserialize<LoggedCandidate[]>(Candidates, JsonOptions) ?? [], JsonSerializer.Deserialize<LoggedCandidate[]>(Choices, JsonOptions) ?? [],
            PickedEntryId, Escalated, Feedback, Rating, Handled, SuggestionStatus);
    }
}

/// <summary>A question-log record waiting for the background writer.</summary>
public abstract record QuestionLogWrite
{
    /// <summary>A question was asked at <paramref name="At"/>.</summary>
    public sealed record Asked(QuestionAsked Question, DateTimeOffset At) : QuestionLogWrite;

    /// <summary>The conversation's latest question went to a person.</summary>
    public sealed record Escalated(string ConversationId) : QuestionLogWrite;

    /// <summary>👍 (+1) or 👎 (−1) on a bot reply.</summary>
    public sealed record Feedback(string ConversationId, long BotSeq, int Value) : QuestionLogWrite;

    /// <summary>The conversation was rated.</summary>
    public sealed record Rated(string ConversationId, int Rating) : QuestionLogWrite;
}
