using System.Collections.Concurrent;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// The engine's per-conversation memory (topic of the last answer, misses in a row, unanswered topics, a 👎 waiting),
/// keyed by conversation id. For stored conversations, <see cref="ConversationService"/> loads it from the conversation
/// store before a bot turn and saves it after (<see cref="LoadAsync"/>, <see cref="SaveAsync"/>), so any node continues
/// it; callers of the ask API keep it in memory only. Entries idle for longer than <see cref="IdleLifetime"/> are dropped.
/// </summary>
public sealed partial class ConversationContexts(TimeProvider time, IConversationStore store)
{
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(30);
    private const int MaxConversations = 100_000;

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock of the dictionary: read on every question, it made concurrent
    // questions queue behind each other (6 % of the server's CPU spinning at 3,000 questions/s). This count of added
    // slots is exact enough to bound memory; it is recounted whenever room is made.
    private int _count;

    /// <summary>
    /// Runs <paramref name="action"/> with the context of <paramref name="conversationId"/> (a new one when unknown),
    /// one question at a time per conversation.
    /// </summary>
    public T With<T>(string conversationId, Func<ConversationContext, T> action)
    {
        var now = time.GetUtcNow();
        if (Volatile.Read(ref _count) >= MaxConversations) MakeRoom(now);
        var slot = SlotOf(conversationId);
        lock (slot)
        {
            slot.LastUsed = now;
            return action(slot.Context);
        }
    }

    /// <summary>Category and department of the last answer in the conversation, for routing an escalation.</summary>
    public (string? Category, string? Department) LastTopic(string conversationId) =>
        _slots.TryGetValue(conversationId, out var slot) ? (slot.Context.TopicCategory, slot.Context.TopicDepartment) : (null, null);

    /// <summary>
    /// Records what a bot turn tells about the visitor's open problem: an answer closes it; an unanswered question
    /// (no answer, or a clarification) adds the topic its best candidate suggests, or none when nothing came close.
    /// </summary>
    public void NoteTurn(string conversationId, bool answered, string? category = null, string? department = null)
    {
        if (!_slots.TryGetValue(conversationId, out var slot)) return;
        lock (slot)
        {
            if (answered) slot.Unanswered.Clear();
            else slot.Unanswered.Add((category, department));
        }
    }

    /// <summary>
    /// Category and department to route a handoff by: those suggested by the unanswered questions since the last
    /// answer (the problem the visitor still has; none when they suggested nothing), else the last answer's topic
    /// (a visitor asking for a person right after an answer wants to pursue it).
    /// </summary>
    public (string? Category, string? Department) HandoffTopic(string conversationId)
    {
        if (!_slots.TryGetValue(conversationId, out var slot)) return (null, null);
        lock (slot)
        {
            if (slot.Unanswered.Count == 0) return (slot.Context.TopicCategory, slot.Context.TopicDepartment);
            // The topic most of the open questions point at; on a tie, the latest question's.
            var best = slot.Unanswered
                .Select((topic, index) => (topic, index))
                .Where(x => x.topic.Category is not null || x.topic.Department is not null)
                .GroupBy(x => (x.topic.Category, x.topic.Department))
                .OrderByDescending(g => g.Count())
                .ThenByDescending(g => g.Max(x => x.index))
                .FirstOrDefault();
            return best is null ? (null, null) : best.Key;
        }
    }

    /// <summary>Drops the context of a finished conversation, here and in the store.</summary>
    public async Task ForgetAsync(string conversationId, CancellationToken ct = default)
    {
        if (_slots.TryRemove(conversationId, out _)) Interlocked.Decrement(ref _count);
        await store.SaveBotContextAsync(conversationId, null, ct);
    }

    /// <summary>The slot of <paramref name="conversationId"/>, added (and counted) when it has none.</summary>
    private Slot SlotOf(string conversationId)
    {
        if (_slots.TryGetValue(conversationId, out var slot)) return slot;
        var added = new Slot();
        if (_slots.TryAdd(conversationId, added))
        {
            Interlocked.Increment(ref _count);
            return added;
        }
        return _slots.GetOrAdd(conversationId, added);
    }

    private void MakeRoom(DateTimeOffset now)
    {
        // Idle ones first; under a flood of fresh ids, shorter idleness, and at worst forget everything: losing a
        // follow-up's topic is harmless, running out of memory is not.
        foreach (var idle in (TimeSpan[])[IdleLifetime, TimeSpan.FromMinutes(1)])
        {
            foreach (var (id, slot) in _slots)
                if (now - slot.LastUsed > idle) _slots.TryRemove(id, out _);
            var left = _slots.Count;
            Volatile.Write(ref _count, left);
            if (left < MaxConversations * 3 / 4) return;
        }
        _slots.Clear();
        Volatile.Write(ref _count, 0);
    }

    private sealed class Slot
    {
        public ConversationContext Context { get; set; } = new();
        public List<(string? Category, string? Department)> Unanswered { get; } = [];
        public bool ThumbsDown { get; set; }
        public DateTimeOffset LastUsed { get; set; }
    }
}
