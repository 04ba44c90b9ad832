using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Assist;

/// <summary>What the accepting agent reads above the transcript: 2–3 lines, and the bank entries the bot offered.</summary>
public sealed record HandoffSummary(IReadOnlyList<string> Lines, IReadOnlyList<string> EntryIds, long UpToSeq);

/// <summary>
/// Summarises a conversation for the agent who takes it over (what the citizen needs, what the bot offered, what is
/// still open). Kept per conversation and transcript length, so a transfer or an invitation — which add messages —
/// gets a fresh summary for the agent who arrives, while reopening the same chat costs no second call.
/// </summary>
public sealed class HandoffSummaries(IAssistModel model, IConversationStore store)
{
    private const int MaxCached = 5_000;
    private readonly ConcurrentDictionary<string, HandoffSummary> _cache = new(StringComparer.Ordinal);

    /// <summary>The summary of conversation <paramref name="conversationId"/>, or null (model off or failing, nothing said yet).</summary>
    public async Task<HandoffSummary?> GetAsync(string conversationId, CancellationToken ct)
    {
        if (!model.IsOn) return null;
        var messages = await store.GetMessagesAsync(conversationId, 0, includeNotes: false, cancellationToken: ct);
        if (!messages.Any(m => m.Sender == SenderKind.Visitor)) return null;
        var last = messages[^1].Seq;
        if (_cache.TryGetValue(conversationId, out var cached) && cached.UpToSeq == last) return cached;

        var entryIds = messages.Select(FaqIdOf).OfType<string>().Distinct().ToList();
        var prompt = PromptLibrary.Render("handoff-summary", new Dictionary<string, string> { ["transcript"] = Transcript(messages) }, entryIds);
        var text = await model.CompleteAsync(prompt, ct);
        if (text is null) return null;
        var lines = text.Split('\n').Select(l => l.Trim().TrimStart('-', '*', '•', ' ')).Where(l => l.Length > 0)
            .Take(3).Select(l => l.Length > 160 ? l[..160] + "…" : l).ToList();
        if (lines.Count == 0) return null;
        var summary = new HandoffSummary(lines, entryIds, last);
        if (_cache.Count >= MaxCached) _cache.Clear();
        _cache[conversationId] = summary;
        return summary;
    }

    /// <summary>The transcript as the model reads it: the last 30 messages, one per line, each cut to 300 characters.</summary>
    internal static string Transcript(IReadOnlyList<ChatMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var m in messages.TakeLast(30))
        {
            var who = m.Sender switch { SenderKind.Visitor => "市民", SenderKind.Bot => "智能助手", SenderKind.Agent => "坐席", _ => "系统" };
            var faq = FaqIdOf(m) is { } id ? $"（条目 {id}）" : "";
            var body = m.Text.ReplaceLineEndings(" ");
            text.Append(who).Append(faq).Append('：').Append(body.Length > 300 ? body[..300] + "…" : body).Append('\n');
        }
        return text.ToString();
    }

    private static string? FaqIdOf(ChatMessage m)
    {
        if (m.Sender != SenderKind.Bot || m.Data is null) return null;
        try
        {
            using var data = JsonDocument.Parse(m.Data);
            return data.RootElement.TryGetProperty("faqId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
