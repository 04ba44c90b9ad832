namespace GovAssistant.KnowledgeBase;

/// <summary>Editorial status of a bank entry.</summary>
public enum FaqStatus
{
    /// <summary>Being written or awaiting review; never answered.</summary>
    Draft,

    /// <summary>Live: answered to citizens while within its validity dates.</summary>
    Published,

    /// <summary>Withdrawn; kept for history, never answered.</summary>
    Retired,
}
