using GovAssistant.ChatHub.Insights;
using GovAssistant.KnowledgeBase;
using GovAssistant.KnowledgeBase.Storage;
using GovAssistant.QaEngine.Answering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Tests.Storage.Contracts;

/// <summary>What every question log does, on either provider: records written by the background writer, read back after a flush.</summary>
public abstract class QuestionLogContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly AnswerCandidate Passport = new("CR-001", "护照怎么办理", 0.61, "出入境");
    private static readonly AnswerCandidate Renewal = new("CR-002", "护照过期怎么换发", 0.58, "出入境");

    private QuestionLog Create() => Pick<QuestionLog>(
        db => new SqliteQuestionLog(db, Time, Options.Create(new InsightsOptions()), NullLogger<SqliteQuestionLog>.Instance),
        db => new PostgresQuestionLog(db, Time, Options.Create(new InsightsOptions()), NullLogger<PostgresQuestionLog>.Instance));

    private static AnswerResult Clarify() => new(AnswerDecision.Clarify, null, 0.4, [Passport, Renewal], [Passport, Renewal], null, "您想问哪一项？", false);

    private static AnswerResult Answer(AnswerCandidate c) => new(AnswerDecision.Answered,
        new FaqEntry { Id = c.Id, Question = c.Question, Answer = "……", Category = "出入境", Department = "公安局" }, 0.9, [c], [], null, null, false);

    private InsightFilter Today => new(Time.GetUtcNow().AddHours(-1), Time.GetUtcNow().AddHours(1));

    [Fact]
    public async Task AQuestionIsStoredMaskedWithItsDecisionCandidatesAndThePickAfterAClarification()
    {
        await using var log = Create();
        await log.RecordAsync(new QuestionAsked("web", "c-1", "护照 手机13812345678", Clarify(), null, null, 2));
        await log.RecordAsync(new QuestionAsked("web", "c-1", "护照过期怎么换发？", Answer(Renewal), null, null, 4));

        var logged = await log.ListAsync(Today);

        Assert.Equal(2, logged.Count);
        Assert.Equal("护照 手机138****5678", logged[0].Question);
        Assert.Equal(("clarify", 0.4, "CR-002"), (logged[0].Decision, logged[0].Confidence, logged[0].PickedEntryId));
        Assert.Equal(["CR-001", "CR-002"], logged[0].Choices.Select(c => c.Id));
        Assert.Equal(Time.GetUtcNow(), logged[0].At);
        Assert.Equal(("answered", "CR-002", "出入境", "公安局"), (logged[1].Decision, logged[1].EntryId, logged[1].Category, logged[1].Department));
        Assert.Null(logged[1].PickedEntryId);
        Assert.Equal(2, log.WrittenRecords);
    }

    [Fact]
    public async Task EscalationFeedbackAndRatingAreAppliedInTheOrderTheyWereRecorded()
    {
        await using var log = Create();
        await log.RecordAsync(new QuestionAsked("wechat", "c-2", "护照怎么办理", Answer(Passport), null, null, 2));
        await log.RecordFeedbackAsync("c-2", 2, helpful: false);
        await log.RecordAsync(new QuestionAsked("wechat", "c-2", "护照过期怎么换发", Answer(Renewal), null, null, 4));
        await log.MarkEscalatedAsync("c-2");
        await log.RecordRatingAsync("c-2", 1);

        var logged = await log.ListAsync(Today with { Channel = "wechat" });

        Assert.Equal([(-1, false), ((int?)null, true)], logged.Select(q => (q.Feedback, q.Escalated)));
        Assert.All(logged, q => Assert.Equal(1, q.Rating));
        Assert.Empty(await log.ListAsync(Today with { Channel = "api" }));
    }

    [Fact]
    public async Task HandledAndResolvedMarksCountOnlyQuestionsStillOpen()
    {
        await using var log = Create();
        for (var i = 0; i < 3; i++) await log.RecordAsync(new QuestionAsked("api", $"c-{i}", "落户", Clarify(), null, null, null));
        var ids = (await log.ListAsync(Today)).Select(q => q.Id).ToList();

        Assert.Equal(2, await log.MarkHandledAsync(ids[..2], "editor", "draft-1"));
        Assert.Equal(1, await log.MarkHandledAsync(ids, "editor", "draft-2"));
        Assert.Equal(3, await log.ResolveSuggestionsAsync(ids, "rejected", "editor", null));
        Assert.All(await log.ListAsync(Today), q => Assert.True(q.Handled && q.SuggestionStatus == "rejected"));
    }

    [Fact]
    public async Task TheMostAnsweredEntriesComeFirstAndTiesGoToTheLatest()
    {
        await using var log = Create();
        await log.RecordAsync(new QuestionAsked("api", "a", "护照", Answer(Passport), null, null, null));
        await log.RecordAsync(new QuestionAsked("api", "b", "换发", Answer(Renewal), null, null, null));
        await log.RecordAsync(new QuestionAsked("api", "c", "护照", Answer(Passport), null, null, null));
        await log.RecordAsync(new QuestionAsked("api", "d", "换发", Answer(Renewal), null, null, null));
        await log.RecordAsync(new QuestionAsked("api", "e", "护照？", Clarify(), null, null, null));

        Assert.Equal([("CR-002", 2), ("CR-001", 2)], await log.MostAnsweredAsync(Time.GetUtcNow().AddDays(-1), 5));
        Assert.Equal([("CR-002", 2)], await log.MostAnsweredAsync(Time.GetUtcNow().AddDays(-1), 1));
    }
}

public sealed class SqliteQuestionLogTests() : QuestionLogContract(StorageProvider.Sqlite);

public sealed class PostgresQuestionLogTests() : QuestionLogContract(StorageProvider.Postgres);
