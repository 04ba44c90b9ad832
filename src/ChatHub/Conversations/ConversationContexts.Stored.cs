using System.Text.Json;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Conversations;

public sealed partial class ConversationContexts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Replaces the context of a stored conversation with the one last saved (a fresh one when none was).</summary>
    public async Task LoadAsync(string conversationId, CancellationToken ct = default)
    {
        var json = await store.GetBotContextAsync(conversationId, ct);
        var saved = json is null ? null : JsonSerializer.Deserialize<Saved>(json, Json);
        var slot = SlotOf(conversationId);
        lock (slot)
        {
            slot.LastUsed = time.GetUtcNow();
            slot.Context = saved is null ? new ConversationContext() : ConversationContext.Restore(
                saved.TopicEntryId, saved.TopicCategory, saved.TopicDepartment, saved.TopicText, saved.ConsecutiveNoAnswers, saved.TurnsSinceTopic);
            slot.Unanswered.Clear();
            slot.Unanswered.AddRange(saved?.Unanswered.Select(t => (t.Category, t.Department)) ?? []);
            slot.ThumbsDown = saved?.ThumbsDown ?? false;
        }
    }

    /// <summary>Saves the context of a stored conversation with it.</summary>
    public async Task SaveAsync(string conversationId, CancellationToken ct = default)
    {
        if (!_slots.TryGetValue(conversationId, out var slot)) return;
        string json;
        lock (slot)
        {
            var c = slot.Context;
            json = JsonSerializer.Serialize(new Saved(c.TopicEntryId, c.TopicCategory, c.TopicDepartment, c.TopicText,
                c.ConsecutiveNoAnswers, c.TurnsSinceTopic, [.. slot.Unanswered.Select(t => new Topic(t.Category, t.Department))], slot.ThumbsDown), Json);
        }
        await store.SaveBotContextAsync(conversationId, json, ct);
    }

    /// <summary>Remembers a 👎 on the last answer (or forgets it on a 👍): the next question then brings a person in.</summary>
    public void SetThumbsDown(string conversationId, bool thumbsDown)
    {
        var slot = SlotOf(conversationId);
        lock (slot) slot.ThumbsDown = thumbsDown;
    }

    /// <summary>True once after a 👎: the question being asked now follows it.</summary>
    public bool TakeThumbsDown(string conversationId)
    {
        if (!_slots.TryGetValue(conversationId, out var slot)) return false;
        lock (slot)
        {
            var was = slot.ThumbsDown;
            slot.ThumbsDown = false;
            return was;
        }
    }

    private sealed record Topic(string? Category, string? Department);

    private sealed record Saved(
        string? TopicEntryId, string? TopicCategory, string? TopicDepartment, string? TopicText, int ConsecutiveNoAnswers,
        int TurnsSinceTopic, Topic[] Unanswered, bool ThumbsDown);
}
