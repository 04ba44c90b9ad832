using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Insights;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Text;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Welcome;

/// <summary>A question offered on the first screen.</summary>
public sealed record WelcomeQuestion(string Id, string Question, string? Category);

/// <summary>A service theme and the questions its button opens.</summary>
public sealed record WelcomeCategory(string Name, IReadOnlyList<WelcomeQuestion> Questions);

/// <summary>What the visitor sees before asking: most-asked questions, themes, hotline and service hours.</summary>
/// <param name="HotSource"><c>log</c> when the most-asked questions come from the question log, <c>configured</c> otherwise.</param>
public sealed record WelcomeView(
    IReadOnlyList<WelcomeQuestion> HotQuestions, string HotSource, IReadOnlyList<WelcomeCategory> Categories,
    string Hotline, string? ServiceHours);

/// <summary>
/// Builds the first screen from the question log (answered questions of the last <see cref="WelcomeOptions.HotWindow"/>)
/// and the bank the engine answers from. Only entries still in the bank are offered, in Simplified like the page.
/// One result is kept for <see cref="WelcomeOptions.CacheFor"/> per bank revision, as every page load asks for it.
/// </summary>
public sealed class WelcomeScreen(
    AnswerEngine engine, IBankStore store, QuestionLog log, IOptions<WelcomeOptions> options, IOptions<ConversationOptions> conversations, TimeProvider time)
{
    private readonly WelcomeOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    /// <summary>The current first screen.</summary>
    public async Task<WelcomeView> GetAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (Fresh(_cached, now) is { } view) return view;
        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh(_cached, now) is { } again) return again;
            var revision = engine.Revision;
            var built = await BuildAsync(now, ct);
            _cached = new Cached(built, revision, now);
            return built;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<WelcomeView> BuildAsync(DateTimeOffset now, CancellationToken ct)
    {
        // The store lists in id order; the engine says which of them it answers from now.
        var entries = (await store.ListAsync(new FaqFilter { Status = FaqStatus.Published }, ct)).Where(e => engine.FindEntry(e.Id) is not null).ToList();
        var asked = (await log.MostAnsweredAsync(now - _options.HotWindow, 500, ct))
            .Select(a => engine.FindEntry(a.EntryId)).OfType<FaqEntry>().ToList();
        var hot = asked.Take(_options.HotQuestionCount).ToList();
        var source = hot.Count > 0 ? "log" : "configured";
        // A quiet week is topped up with the configured questions.
        foreach (var id in _options.Questions)
        {
            if (hot.Count >= _options.HotQuestionCount) break;
            if (engine.FindEntry(id) is { } e && hot.All(h => h.Id != e.Id)) hot.Add(e);
        }

        var byCategory = entries.Where(e => !string.IsNullOrWhiteSpace(e.Category)).GroupBy(e => e.Category!).ToDictionary(g => g.Key, g => g.ToList());
        var order = _options.Categories.Where(byCategory.ContainsKey)
            .Concat(byCategory.Keys.Except(_options.Categories).OrderByDescending(k => byCategory[k].Count).ThenBy(k => k, StringComparer.Ordinal))
            .Distinct();
        var categories = order.Select(name => new WelcomeCategory(name, [.. asked.Where(e => e.Category == name)
            .Concat(byCategory[name])
            .DistinctBy(e => e.Id).Take(_options.CategoryQuestionCount).Select(Offer)])).ToList();

        var hours = conversations.Value.ServiceHours;
        return new WelcomeView([.. hot.Select(Offer)], source, categories, _options.Hotline, string.IsNullOrWhiteSpace(hours) ? null : hours.Trim());
    }

    private WelcomeView? Fresh(Cached? c, DateTimeOffset now) =>
        c is not null && c.Revision == engine.Revision && now - c.At < _options.CacheFor ? c.View : null;

    private sealed record Cached(WelcomeView View, long Revision, DateTimeOffset At);

    private static WelcomeQuestion Offer(FaqEntry e) => new(e.Id, TextNormalizer.Default.ToSimplified(e.Question), e.Category);
}
