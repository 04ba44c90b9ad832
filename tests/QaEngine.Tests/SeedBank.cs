using GovAssistant.QaEngine.Answering;
using GovAssistant.KnowledgeBase;

namespace GovAssistant.QaEngine.Tests;

/// <summary>The real seed bank (data/faq/bank/*.jsonl, copied beside the tests as seed/*.jsonl).</summary>
public static class SeedBank
{
    private static readonly Lazy<IReadOnlyList<FaqEntry>> All = new(Load);

    /// <summary>Every entry of the seed bank, in file order.</summary>
    public static IReadOnlyList<FaqEntry> Entries => All.Value;

    /// <summary>
    /// The 身份证, 居住证 and 公积金 entries: a bank small enough to publish in about a second, for tests that
    /// need an engine of their own (other options, a clock, publishes of their own).
    /// </summary>
    public static IReadOnlyList<FaqEntry> Small => [.. Entries.Where(e => e.Category is "身份证" or "居住证" or "公积金")];

    /// <summary>A snapshot of <paramref name="entries"/>.</summary>
    public static BankSnapshot Snapshot(IEnumerable<FaqEntry> entries, long revision = 1) =>
        new([.. entries], revision, DateTimeOffset.UnixEpoch);

    /// <summary>The entry with <paramref name="id"/>.</summary>
    public static FaqEntry Entry(string id) => Entries.Single(e => e.Id == id);

    private static IReadOnlyList<FaqEntry> Load()
    {
        var report = SeedBankLoader.Load(Path.Combine(AppContext.BaseDirectory, "seed"));
        if (!report.IsValid) throw new InvalidOperationException("种子问答库有错误：" + string.Join("; ", report.Errors));
        if (report.Entries.Count == 0) throw new InvalidOperationException("种子问答库为空：seed/*.jsonl 没有复制到测试输出目录？");
        return report.Entries;
    }
}

/// <summary>
/// One engine over the whole seed bank, shared by every test class of the <see cref="SeedEngineCollection"/>:
/// publishing the full bank takes several seconds, so it is done once per test run, not once per class.
/// The tests only ask; none publishes into this engine.
/// </summary>
public sealed class SeedEngineFixture : IDisposable
{
    public SeedEngineFixture()
    {
        Engine = new AnswerEngine(new QaEngineOptions());
        Engine.Publish(SeedBank.Snapshot(SeedBank.Entries));
    }

    public AnswerEngine Engine { get; }

    /// <summary>Asks <paramref name="question"/> and asserts it is answered outright with entry <paramref name="id"/>.</summary>
    public AnswerResult AssertAnsweredWith(string question, string id)
    {
        var r = Engine.Ask(question);
        Assert.Equal(AnswerDecision.Answered, r.Decision);
        Assert.Equal(id, r.Entry?.Id);
        return r;
    }

    /// <summary>Asks <paramref name="question"/> and asserts it is not answered outright, entry <paramref name="id"/> among the choices offered.</summary>
    public AnswerResult AssertOfferedNotAnswered(string question, string id)
    {
        var r = Engine.Ask(question);
        Assert.NotEqual(AnswerDecision.Answered, r.Decision);
        Assert.Contains(r.Choices, c => c.Id == id);
        return r;
    }

    /// <summary>Asks <paramref name="question"/> and asserts the citizen is asked to choose, entry <paramref name="id"/> offered first.</summary>
    public AnswerResult AssertOfferedFirst(string question, string id)
    {
        var r = Engine.Ask(question);
        Assert.Equal(AnswerDecision.Clarify, r.Decision);
        Assert.Equal(id, r.Choices[0].Id);
        return r;
    }

    /// <summary>
    /// Asks <paramref name="question"/> and asserts the citizen is asked to choose for <paramref name="reason"/>, entry
    /// <paramref name="id"/> among the choices.
    /// </summary>
    public AnswerResult AssertOfferedFor(string question, string reason, string id)
    {
        var r = Engine.Ask(question);
        Assert.Equal(AnswerDecision.Clarify, r.Decision);
        Assert.Equal(reason, r.Reason);
        Assert.Contains(r.Choices, c => c.Id == id);
        return r;
    }

    public void Dispose() => Engine.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SeedEngineCollection : ICollectionFixture<SeedEngineFixture>
{
    public const string Name = "seed bank engine";
}

/// <summary>A clock standing still at a chosen instant (UTC is the local zone), moved only by the test.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
