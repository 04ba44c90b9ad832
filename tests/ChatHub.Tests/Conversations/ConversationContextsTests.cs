using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Tests.Conversations.Store;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>
/// The engine's per-conversation memory stays bounded (100,000 conversations) under a flood of fresh conversation ids:
/// the memory of one conversation is the same context object from question to question until it is forgotten.
/// </summary>
public sealed class ConversationContextsTests
{
    private const int Bound = 100_000;

    private static (FakeTimeProvider Time, ConversationContexts Contexts) Open(SqliteStores stores)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T08:00:00Z"));
        return (time, new ConversationContexts(time, stores.Open()));
    }

    [Fact]
    public async Task AtTheBoundTheConversationsIdleForMoreThanAMinuteAreForgottenFirst()
    {
        await using var stores = new SqliteStores();
        var (time, contexts) = Open(stores);
        var (idle0, idle1) = (contexts.With("idle-0", c => c), contexts.With("idle-1", c => c));
        for (var i = 2; i < 30_000; i++) contexts.With($"idle-{i}", c => c);
        time.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < Bound - 30_000 - 2; i++) contexts.With($"fresh-{i}", c => c);
        var fresh = contexts.With("fresh-last", c => c);
        Assert.Same(idle0, contexts.With("idle-0", c => c)); // used again now; below the bound nothing is forgotten
        contexts.With("at-the-bound", c => c);

        contexts.With("over-the-bound", c => c);

        Assert.NotSame(idle1, contexts.With("idle-1", c => c));
        Assert.Same(idle0, contexts.With("idle-0", c => c));
        Assert.Same(fresh, contexts.With("fresh-last", c => c));
    }

    [Fact]
    public async Task AFloodOfFreshConversationsForgetsEverythingRatherThanGrowWithoutBound()
    {
        await using var stores = new SqliteStores();
        var (time, contexts) = Open(stores);
        var first = contexts.With("first", c => c);
        for (var i = 0; i < Bound - 2; i++) contexts.With($"flood-{i}", c => c);
        Assert.Same(first, contexts.With("first", c => c));
        contexts.With("at-the-bound", c => c);

        var over = contexts.With("over-the-bound", c => c);

        Assert.NotSame(first, contexts.With("first", c => c));
        Assert.Same(over, contexts.With("over-the-bound", c => c));
    }

    [Fact]
    public async Task FinishedConversationsNoLongerCountTowardsTheBound()
    {
        await using var stores = new SqliteStores();
        var (time, contexts) = Open(stores);
        var kept = contexts.With("kept", c => c);
        time.Advance(TimeSpan.FromMinutes(2));

        // Far more conversations than the bound, each finished (forgotten) before the next: the memory never fills.
        for (var i = 0; i < Bound + 10; i++)
        {
            contexts.With($"done-{i}", c => c);
            await contexts.ForgetAsync($"done-{i}");
        }

        Assert.Same(kept, contexts.With("kept", c => c));
    }
}
