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
    bool UsedContext)
{
    /// <summary>
    /// The aspect asked about (所需材料, 收费, 办理时限, 办理地点, 线上渠道, 办理条件, 办理流程) when the question names one and
    /// the answer has a section for it; shown first, with the whole answer one step away.
    /// </summary>
    public string? Aspect { get; init; }

    /// <summary>The section of the answer for <see cref="Aspect"/> (Markdown, label included).</summary>
    public string? AnswerSection { get; init; }

    /// <summary>The place the citizen named (西安市, A市), read as a region rather than a topic word.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// The other questions of a message that asks several: the best entry of each, offered as choices after the
    /// answer to the main one.
    /// </summary>
    public IReadOnlyList<AnswerCandidate> OtherQuestions { get; init; } = [];
}

/// <summary>A candidate entry: id, standard question, re-ranking score in [0,1], category.</summary>
public sealed record AnswerCandidate(string Id, string Question, double Score, string? Category);
