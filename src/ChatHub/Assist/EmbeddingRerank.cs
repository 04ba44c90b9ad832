using GovAssistant.QaEngine.Answering;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// The optional embedding re-rank: for a decision that offers or suggests several entries (a clarification, or no
/// answer with candidates), the question is embedded and each candidate's score blended with its cosine similarity,
/// <c>(1 − w) · score + w · max(0, cos)</c> with <c>w = Llm:EmbeddingWeight</c>. Only the candidates the engine
/// retrieved are re-ordered, and the clarification offers as many of them as the engine chose to; the decision, its
/// confidence, an answered entry and the reply stay the engine's. Anything missing — no model, no vector for a
/// candidate, a failed or slow call — returns the engine's result itself, unchanged.
/// </summary>
public sealed class EmbeddingRerank(IEmbeddingModel model, EntryEmbeddings entries, IOptions<LlmOptions> options)
{
    /// <summary>True when <paramref name="result"/> is one the blend may re-order.</summary>
    public static bool Applies(AnswerResult result) =>
        result.Decision is AnswerDecision.Clarify or AnswerDecision.NoAnswer && result.Candidates.Count >= 2;

    /// <summary><paramref name="result"/> with its candidates (and choices) in blended order, or <paramref name="result"/> itself.</summary>
    public async Task<AnswerResult> BlendAsync(string question, AnswerResult result, CancellationToken ct = default)
    {
        if (!model.IsOn || !Applies(result)) return result;
        var vectors = result.Candidates.Select(c => entries.Of(c.Id)).ToList();
        // A candidate without a vector would be judged on the engine's score alone against others with a bonus: no blend.
        if (vectors.Any(v => v is null)) return result;
        if (await model.EmbedAsync([question], "question-embedding", [], ct) is not [var q]) return result;
        // Another model's (or a confused model's) vector cannot be compared with the entries'.
        if (vectors.Any(v => v!.Length != q.Length)) return result;

        var weight = Math.Clamp(options.Value.EmbeddingWeight, 0, 1);
        var blended = result.Candidates
            .Select((c, i) => c with { Score = Math.Round((1 - weight) * c.Score + weight * Math.Max(0, Vectors.Cosine(q, vectors[i]!)), 4) })
            .Select((c, i) => (Candidate: c, Rank: i))
            // Stable: equal blended scores keep the engine's order.
            .OrderByDescending(x => x.Candidate.Score).ThenBy(x => x.Rank)
            .Select(x => x.Candidate).ToList();
        var choices = result.Decision == AnswerDecision.Clarify ? blended.Take(result.Choices.Count).ToList() : result.Choices;
        return result with { Candidates = blended, Choices = choices };
    }
}
