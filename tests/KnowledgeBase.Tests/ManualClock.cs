namespace GovAssistant.KnowledgeBase.Tests;

/// <summary>A clock that stands still until told to move, so stored times can be asserted exactly.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
