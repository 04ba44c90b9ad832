using GovAssistant.QaEngine.Answering;

namespace GovAssistant.QaEngine.Tests;

/// <summary>Publishing a snapshot makes exactly that snapshot the bank answered from.</summary>
public sealed class PublishTests : IDisposable
{
    private readonly AnswerEngine _engine = new(new QaEngineOptions());

    public PublishTests() => _engine.Publish(SeedBank.Snapshot(SeedBank.Small, revision: 1));

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void AnEmptyEngineAnswersNothing()
    {
        using var empty = new AnswerEngine(new QaEngineOptions());

        var result = empty.Ask("身份证丢了怎么补办");

        Assert.Equal(AnswerDecision.NoAnswer, result.Decision);
        Assert.Empty(result.Candidates);
        Assert.Equal(0, empty.EntryCount);
    }

    [Fact]
    public void PublishingMakesTheSnapshotSearchable()
    {
        Assert.Equal(SeedBank.Small.Count, _engine.EntryCount);
        Assert.Equal(1, _engine.Revision);
        Assert.Equal(SeedBank.Entry("SF-001"), _engine.FindEntry("SF-001"));
    }

    [Fact]
    public void RepublishingAChangedAnswerServesTheNewAnswer()
    {
        var changed = SeedBank.Entry("SF-001") with { Answer = "新答案：补领身份证请到户籍地派出所，工本费40元。", Version = 2 };

        _engine.Publish(SeedBank.Snapshot(SeedBank.Small.Select(e => e.Id == "SF-001" ? changed : e), revision: 2));
        var result = _engine.Ask("身份证丢了怎么补办");

        Assert.Equal(2, _engine.Revision);
        Assert.Equal("SF-001", result.Entry?.Id);
        Assert.Equal(changed.Answer, result.Entry!.Answer);
        Assert.Equal(2, result.Entry.Version);
    }

    [Fact]
    public void RepublishingChangedMetadataServesTheNewEntry()
    {
        var changed = SeedBank.Entry("SF-001") with { Department = "某市公安局", Version = 3 };

        _engine.Publish(SeedBank.Snapshot(SeedBank.Small.Select(e => e.Id == "SF-001" ? changed : e), revision: 2));

        Assert.Equal("某市公安局", _engine.Ask("身份证丢了怎么补办").Entry?.Department);
    }

    [Fact]
    public void RemovingAnEntryRemovesItFromAnswersCandidatesAndLookups()
    {
        _engine.Publish(SeedBank.Snapshot(SeedBank.Small.Where(e => e.Id != "SF-001"), revision: 2));
        var result = _engine.Ask("身份证丢了怎么补办");

        Assert.NotEqual("SF-001", result.Entry?.Id);
        Assert.DoesNotContain(result.Candidates, c => c.Id == "SF-001");
        Assert.DoesNotContain(_engine.Suggest("身份证丢了怎么补办", 20), c => c.Id == "SF-001");
        Assert.Null(_engine.FindEntry("SF-001"));
        Assert.Equal(SeedBank.Small.Count - 1, _engine.EntryCount);
    }

    [Fact]
    public void ARemovedEntryComesBackWhenPublishedAgain()
    {
        _engine.Publish(SeedBank.Snapshot(SeedBank.Small.Where(e => e.Id != "SF-001"), revision: 2));
        _engine.Publish(SeedBank.Snapshot(SeedBank.Small, revision: 3));

        Assert.Equal("SF-001", _engine.Ask("身份证丢了怎么补办").Entry?.Id);
    }

    [Fact]
    public void ANewPhrasingIsSearchableAfterRepublishingAndAnOldOneIsNot()
    {
        var entry = SeedBank.Entry("JZ-005");
        var rephrased = entry with { Question = "流动人口登记凭证遗失了怎么办？", SimilarQuestions = [] };

        _engine.Publish(SeedBank.Snapshot(SeedBank.Small.Select(e => e.Id == entry.Id ? rephrased : e), revision: 2));

        Assert.Equal("JZ-005", _engine.Ask("流动人口登记凭证遗失了怎么办").Entry?.Id);
        Assert.Empty(_engine.FindEntry("JZ-005")!.SimilarQuestions);
    }

    [Fact]
    public void ANewEntryIsAnsweredAfterPublish()
    {
        var added = SeedBank.Entry("HJ-004");

        _engine.Publish(SeedBank.Snapshot(SeedBank.Small.Append(added), revision: 2));

        Assert.Equal("HJ-004", _engine.Ask("户口本丢了怎么补办").Entry?.Id);
    }

    [Fact]
    public void PublishingAnEmptySnapshotEmptiesTheBank()
    {
        _engine.Publish(SeedBank.Snapshot([], revision: 2));

        Assert.Equal(0, _engine.EntryCount);
        Assert.Empty(_engine.Ask("身份证丢了怎么补办").Candidates);
    }
}
