using System.Text.Json;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Conversations;

public sealed partial class ConversationService
{
    /// <summary>
    /// "全文" (完整答复, 查看全文, 查看完整答复): the citizen saw the section of an answer for one aspect and wants the whole
    /// answer. Kept here, not in an adapter, so WeChat's "全文", Direct Line's button and any later channel behave alike.
    /// Null when <paramref name="text"/> is no such request or nothing was answered yet (the engine then reads it).
    /// </summary>
    private async Task<ChatMessage?> FullAnswerAsync(Conversation c, string text, CancellationToken ct)
    {
        if (!FullAnswerWords.Matches(text)) return null;
        var said = await store.GetMessagesAsync(c.Id, 0, includeNotes: false, max: 10_000, cancellationToken: ct);
        var last = said.LastOrDefault(m => m.Sender == SenderKind.Bot && Field(m, "decision") == "answered");
        if (last is null) return null;
        return await AddAsync(c, SenderKind.Bot, null, BotName, last.Text, new
        {
            type = "bot",
            decision = "answered",
            faqId = Field(last, "faqId"),
            question = Field(last, "question"),
            category = Field(last, "category"),
            basis = Field(last, "basis"),
            full = true,
        }, ct);
    }

    private static string? Field(ChatMessage m, string name)
    {
        if (m.Data is null) return null;
        using var document = JsonDocument.Parse(m.Data);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    /// <summary>The aspect part of a bot message's data: what every channel needs to show the section first.</summary>
    private static object AspectData(AnswerResult r) => new
    {
        aspect = r.Decision == AnswerDecision.Answered ? r.Aspect : null,
        section = r.Decision == AnswerDecision.Answered ? r.AnswerSection : null,
        region = r.Region,
        otherQuestions = r.OtherQuestions.Select(c => new { c.Id, c.Question }),
    };
}

/// <summary>What a citizen writes (or a button sends) to see the whole of an answer shown by one section.</summary>
public static class FullAnswerWords
{
    /// <summary>The words of the Direct Line button and the WeChat hint.</summary>
    public const string Button = "查看完整答复";

    private static readonly string[] Words = ["全文", "完整答复", "查看全文", Button, "看全文", "完整答案"];

    /// <summary>True when <paramref name="text"/> is one of the words, punctuation around it ignored.</summary>
    public static bool Matches(string text) =>
        Words.Contains(text.Trim().Trim('。', '！', '!', '？', '?', '.', '，', ',', '“', '”', '"', ' '));
}
