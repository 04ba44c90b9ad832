namespace GovAssistant.QaEngine.Answering;

/// <summary>What the engine made of a question.</summary>
public enum AnswerDecision
{
    /// <summary>One entry answers the question with enough confidence.</summary>
    Answered,

    /// <summary>Not sure: ask "您是不是想问…" with 2–5 candidate questions.</summary>
    Clarify,

    /// <summary>Nothing in the bank is good enough; the reason says why.</summary>
    NoAnswer,

    /// <summary>A greeting, thanks or goodbye, answered with a canned reply.</summary>
    SmallTalk,

    /// <summary>The citizen asked for a human agent (人工 / 转人工 / 人工客服 …).</summary>
    HumanRequested,
}
