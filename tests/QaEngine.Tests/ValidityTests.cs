using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>
/// An entry outside its validity dates, or not published, is never given to a citizen — checked at answer time,
/// so an answer that expires between two publishes stops on its own.
/// </summary>
public sealed class ValidityTests : IDisposable
{
    private const string Question = "身份证丢了怎么补办";
    private const string Id = "SF-001";

    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero));
    private readonly AnswerEngine _engine;

    public ValidityTests() => _engine = new AnswerEngine(new QaEngineOptions(), time: _clock);

    public void Dispose() => _engine.Dispose();

    private void PublishWith(FaqEntry changed) =>
        _engine.Publish(SeedBank.Snapshot(SeedBank.Small.Select(e => e.Id == changed.Id ? changed : e)));

    private static FaqEntry Lost => SeedBank.Entry(Id);

    private void AssertNeverGiven(string id)
    {
        var result = _engine.Ask(Question);
        Assert.NotEqual(id, result.Entry?.Id);
        Assert.DoesNotContain(result.Candidates, c => c.Id == id);
        Assert.DoesNotContain(result.Choices, c => c.Id == id);
        Assert.DoesNotContain(_engine.Suggest(Question, 20), c => c.Id == id);
    }

    [Fact]
    public void AnEntryValidTodayIsAnswered()
    {
        PublishWith(Lost with { ValidFrom = _clock.Today, ValidTo = _clock.Today });

        var result = _engine.Ask(Question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal(Id, result.Entry!.Id);
    }

    [Fact]
    public void AnEntryThatExpiredYesterdayIsNeitherAnsweredNorACandidate()
    {
        PublishWith(Lost with { ValidTo = _clock.Today.AddDays(-1) });

        AssertNeverGiven(Id);
    }

    [Fact]
    public void AnEntryValidFromTomorrowIsNeitherAnsweredNorACandidate()
    {
        PublishWith(Lost with { ValidFrom = _clock.Today.AddDays(1) });

        AssertNeverGiven(Id);
    }

    [Fact]
    public void AnEntryStopsBeingAnsweredWhenItExpiresWithoutARepublish()
    {
        PublishWith(Lost with { ValidTo = _clock.Today });
        Assert.Equal(Id, _engine.Ask(Question).Entry?.Id);

        _clock.Now = _clock.Now.AddDays(1);

        AssertNeverGiven(Id);
    }

    [Fact]
    public void AnEntryExpiringTodayStopsAtMidnightEvenWhenAskedSecondsBefore()
    {
        _clock.Now = new DateTimeOffset(2026, 3, 15, 23, 59, 50, TimeSpan.Zero);
        PublishWith(Lost with { ValidTo = _clock.Today });
        Assert.Equal(Id, _engine.Ask(Question).Entry?.Id);

        _clock.Now = _clock.Now.AddSeconds(15);

        AssertNeverGiven(Id);
    }

    [Fact]
    public void AnEntryStartsBeingAnsweredOnItsFirstDayWithoutARepublish()
    {
        PublishWith(Lost with { ValidFrom = _clock.Today.AddDays(1) });
        AssertNeverGiven(Id);

        _clock.Now = _clock.Now.AddDays(1);

        Assert.Equal(Id, _engine.Ask(Question).Entry?.Id);
    }

    [Fact]
    public void ANewVersionValidFromTodayReplacesTheOneThatExpiredYesterday()
    {
        var expired = Lost with { ValidTo = _clock.Today.AddDays(-1) };
        var current = Lost with { Id = "SF-001-2026", ValidFrom = _clock.Today, Basis = "《中华人民共和国居民身份证法》（2026年修订）" };
        _engine.Publish(SeedBank.Snapshot(SeedBank.Small.Select(e => e.Id == Id ? expired : e).Append(current)));

        var result = _engine.Ask(Question);

        Assert.Equal(AnswerDecision.Answered, result.Decision);
        Assert.Equal("SF-001-2026", result.Entry!.Id);
        Assert.DoesNotContain(result.Candidates, c => c.Id == Id);
    }

    [Theory]
    [InlineData(FaqStatus.Draft)]
    [InlineData(FaqStatus.Retired)]
    public void AnEntryThatIsNotPublishedIsNeverGivenEvenIfItIsInTheSnapshot(FaqStatus status)
    {
        PublishWith(Lost with { Status = status });

        AssertNeverGiven(Id);
    }

    [Fact]
    public void AnEntryWithdrawnByARepublishIsNoLongerGiven()
    {
        PublishWith(Lost);
        Assert.Equal(Id, _engine.Ask(Question).Entry?.Id);

        PublishWith(Lost with { Status = FaqStatus.Retired });

        AssertNeverGiven(Id);
    }

    [Fact]
    public void AFollowUpNeverLandsOnAnExpiredEntry()
    {
        // The previous answer's entry gets a bonus in a follow-up; once expired it must not come back that way.
        PublishWith(Lost with { ValidTo = _clock.Today });
        var context = new ConversationContext();
        Assert.Equal(Id, _engine.Ask(Question, context).Entry?.Id);

        _clock.Now = _clock.Now.AddDays(1);
        var result = _engine.Ask("需要带什么材料？", context);

        Assert.NotEqual(Id, result.Entry?.Id);
        Assert.DoesNotContain(result.Candidates, c => c.Id == Id);
    }
}
