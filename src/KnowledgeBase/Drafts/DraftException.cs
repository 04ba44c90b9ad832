namespace GovAssistant.KnowledgeBase;

/// <summary>Why a draft operation was refused.</summary>
public enum DraftError
{
    /// <summary>The draft or its base entry does not exist.</summary>
    NotFound,

    /// <summary>The draft is not pending, is stale (the entry changed since), lacks fields, or its id is taken.</summary>
    Conflict,
}

/// <summary>A draft operation the store refused; nothing was changed. <see cref="Exception.Message"/> is Chinese, fit to show.</summary>
public sealed class DraftException(DraftError error, string message) : Exception(message)
{
    /// <summary>What kind of refusal this is.</summary>
    public DraftError Error { get; } = error;
}
