using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Insights;

/// <summary>A question as a channel saw it, before it is masked and logged.</summary>
/// <param name="Channel">web, api, wechat, directline …</param>
/// <param name="ConversationId">The conversation (the ask API's conversation id for REST callers).</param>
/// <param name="Text">The visitor's text as typed; masked before it is stored.</param>
/// <param name="Result">The engine's decision.</param>
/// <param name="Category">Service theme: the answer's, else the conversation's last topic.</param>
/// <param name="Department">Department: the answer's, else the conversation's last topic.</param>
/// <param name="BotSeq">Sequence number of the bot's reply in the transcript, so 👍/👎 on it find the question.</param>
public sealed record QuestionAsked(
    string Channel, string ConversationId, string Text, AnswerResult Result, string? Category, string? Department, long? BotSeq)
{
    /// <summary>
    /// The conversation was made for this question (an ask API call without a conversation id): no earlier question
    /// of it can have been a clarification this one picks from, so the log does not look for one.
    /// </summary>
    public bool OpensConversation { get; init; }
}

/// <summary>A candidate entry as logged with a question.</summary>
public sealed record LoggedCandidate(string Id, string Question, double Score);

/// <summary>One logged question with what happened next.</summary>
/// <param name="Id">Row id.</param>
/// <param name="At">When it was asked.</param>
/// <param name="Channel">Channel.</param>
/// <param name="ConversationId">Conversation.</param>
/// <param name="Question">The question, masked.</param>
/// <param name="Decision">answered, clarify, noAnswer, smallTalk or humanRequested.</param>
/// <param name="Confidence">The engine's confidence.</param>
/// <param name="EntryId">Answering entry, if answered.</param>
/// <param name="EntryQuestion">Its standard question.</param>
/// <param name="Category">Service theme.</param>
/// <param name="Department">Department.</param>
/// <param name="Candidates">Top candidates (at most five).</param>
/// <param name="Choices">Choices offered with a clarification.</param>
/// <param name="PickedEntryId">The choice the visitor picked after a clarification.</param>
/// <param name="Escalated">True when the conversation went to a person right after this question.</param>
/// <param name="Feedback">👍 (+1) or 👎 (−1) on the answer.</param>
/// <param name="Rating">The conversation's 好差评 (1–5), once rated.</param>
/// <param name="Handled">True once an editor turned its cluster into a draft.</param>
/// <param name="SuggestionStatus">accepted or rejected, once an editor decided the suggestion it gave.</param>
public sealed record LoggedQuestion(
    long Id, DateTimeOffset At, string Channel, string ConversationId, string Question, string Decision, double Confidence,
    string? EntryId, string? EntryQuestion, string? Category, string? Department, IReadOnlyList<LoggedCandidate> Candidates,
    IReadOnlyList<LoggedCandidate> Choices, string? PickedEntryId, bool Escalated, int? Feedback, int? Rating, bool Handled,
    string? SuggestionStatus);

/// <summary>Which questions to read: a period [From, To) and optional channel, category and department.</summary>
public sealed record InsightFilter(DateTimeOffset From, DateTimeOffset To, string? Channel = null, string? Category = null, string? Department = null)
{
    /// <summary>True when <paramref name="channel"/>, <paramref name="category"/> and <paramref name="department"/> pass the filter.</summary>
    public bool Matches(string? channel, string? category, string? department) =>
        (Channel is null || Channel == channel) && (Category is null || Category == category) && (Department is null || Department == department);
}
