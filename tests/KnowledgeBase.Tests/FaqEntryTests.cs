namespace GovAssistant.KnowledgeBase.Tests;

public sealed class FaqEntryTests
{
    private static readonly FaqEntry Dated = Bank.Entry("A") with { ValidFrom = new(2025, 1, 1), ValidTo = new(2025, 12, 31) };

    [Theory]
    [InlineData("2024-12-31", false)]
    [InlineData("2025-01-01", true)]
    [InlineData("2025-06-15", true)]
    [InlineData("2025-12-31", true)]
    [InlineData("2026-01-01", false)]
    public void IsAnswerableOnlyWithinItsValidityDatesInclusive(string day, bool expected)
    {
        Assert.Equal(expected, Dated.IsAnswerableOn(DateOnly.Parse(day)));
    }

    [Fact]
    public void OpenEndedDatesAreAlwaysAnswerable()
    {
        Assert.True(Bank.Entry("A").IsAnswerableOn(new DateOnly(1900, 1, 1)));
        Assert.True((Bank.Entry("A") with { ValidFrom = new(2025, 1, 1) }).IsAnswerableOn(new DateOnly(9999, 12, 31)));
    }

    [Theory]
    [InlineData(FaqStatus.Draft)]
    [InlineData(FaqStatus.Retired)]
    public void OnlyPublishedEntriesAreAnswerable(FaqStatus status)
    {
        Assert.False((Dated with { Status = status }).IsAnswerableOn(new DateOnly(2025, 6, 15)));
    }

    [Fact]
    public void EqualityComparesListsItemByItem()
    {
        var a = Bank.Full("A");
        var b = Bank.Full("A") with { SimilarQuestions = [.. Bank.Full("A").SimilarQuestions], Tags = [.. Bank.Full("A").Tags] };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Tags = ["新生儿"] });
        Assert.NotEqual(a, b with { Version = 4 });
        Assert.True(a.HasSameContentAs(b with { Version = 4, UpdatedAt = null }));
    }
}
