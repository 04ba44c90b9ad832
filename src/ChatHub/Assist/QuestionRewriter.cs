using GovAssistant.ChatHub.Conversations;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Answering;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// A second opinion for a hard message — long, or with a confidence in the clarify band: asks the model
/// for the core question(s) as JSON (<c>question, need, object, region, questions[]</c>) and asks the engine again.
/// The engine still decides and an answer is still a bank entry: a rewrite is taken only when the engine answers it
/// outright (confidence at or above the answer threshold) and more confidently than the original; otherwise the
/// original decision stands. A decision still offering several entries then goes through the optional
/// <see cref="EmbeddingRerank"/>. With the model off the engine's decision is returned as it is, at once.
/// </summary>
public sealed class QuestionRewriter(AnswerEngine engine, ConversationContexts contexts, IAssistModel model, IOptions<LlmOptions> options,
    EmbeddingRerank rerank, TimeProvider time)
{
    private const int MaxRewrites = 4;

    /// <summary>
    /// The decision to give for <paramref name="text"/> in conversation <paramref name="conversationId"/>, given the
    /// engine's <paramref name="first"/> decision on it (already recorded in the conversation's context).
    /// </summary>
    public async Task<AnswerResult> ImproveAsync(string conversationId, string text, AnswerResult first, CancellationToken ct = default)
    {
        if (!model.IsOn) return first;
        // One budget for the whole turn: a rewrite and a question embedding against a hanging model cost one timeout, not two.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.TimeoutSeconds), time);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var result = first;
        try
        {
            result = await RewriteAsync(conversationId, text, first, budget.Token);
            return await rerank.BlendAsync(text, result, budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return result;
        }
    }

    private async Task<AnswerResult> RewriteAsync(string conversationId, string text, AnswerResult first, CancellationToken ct)
    {
        if (!model.IsOn || !IsHard(text, first)) return first;

        var prompt = PromptLibrary.Render("rewrite-question", new Dictionary<string, string> { ["message"] = text }, json: true);
        if (ModelJson.Object(await model.CompleteAsync(prompt, ct)) is not { } o) return first;
        var rewrites = ModelJson.Strings(o, "questions").Prepend(ModelJson.String(o, "question") ?? "")
            .Where(q => q.Length is > 0 and <= 200 && q != text).Distinct().Take(MaxRewrites).ToList();

        // Without context first: a rewrite that only answers by leaning on the previous topic is not proof enough.
        var best = rewrites.Select(q => (Question: q, Result: engine.Ask(q)))
            .Where(r => r.Result.Decision == AnswerDecision.Answered && r.Result.Confidence >= engine.Options.AnswerThreshold && r.Result.Confidence > first.Confidence)
            .OrderByDescending(r => r.Result.Confidence).FirstOrDefault();
        if (best.Result is null) return first;
        // Recorded in the conversation's context as the turn it replaces, so follow-ups read in the rewritten topic.
        // REVIEW: the context has now seen two turns for one message (TurnsSinceTopic counts one more).
        var second = contexts.With(conversationId, context => engine.Ask(best.Question, context));
        return second.Decision == AnswerDecision.Answered ? second : first;
    }

    /// <summary>Long, or unsure enough to clarify: worth a rewrite. Answers, small talk and requests for a person are not.</summary>
    public bool IsHard(string text, AnswerResult result) =>
        result.Decision is AnswerDecision.Clarify or AnswerDecision.NoAnswer
        && result.Reason is not ("empty" or "noTopic")
        && (text.Length >= options.Value.LongQuestionChars
            || (result.Confidence >= engine.Options.ClarifyThreshold && result.Confidence < engine.Options.AnswerThreshold));
}
