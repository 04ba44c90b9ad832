using GovAssistant.KnowledgeBase;

namespace GovAssistant.QaEngine.Answering;

/// <summary>The engine's verdict on one question.</summary>
/// <param name="Decision">What to do.</param>
/// <param name="Entry">The answering entry when <see cref="AnswerDecision.Answered"/>.</param>
/// <param name="Confidence">Probability in [0,1] that the top candidate is right.</param>
/// <param name="Candidates">Best candidates, best first, whatever the decision.</param>
/// <param name="Choices">The 2–5 questions to offer when <see cref="AnswerDecision.Clarify"/>; empty otherwise.</param>
/// <param name="Reason">Why there is no answer, or which small-talk / human request was recognised.</param>
/// <param name="Reply">Text to show for small talk, clarification and no-answer decisions.</param>
/// <param name="UsedContext">True when the question was read as a follow-up of the previous answer's topic.</param>
public sealed record AnswerResult(
    AnswerDecision Decision,
    FaqEntry? Entry,
    double Confidence,
    IReadOnlyList<AnswerCandidate> Candidates,
    IReadOnlyList<AnswerCandidate> Choices,
    string? Reason,
    string? Reply,
    bool UsedContext);

/// <summary>A candidate entry: id, standard question, re-ranking score in [0,1], category.</summary>
public sealed record AnswerCandidate(string Id, string Question, double Score, string? Category);
