namespace GovAssistant.QaEngine.Answering;

/// <summary>
/// What the engine remembers of one conversation between questions: the topic of the last answer (so that
/// "需要带什么材料？" right after an answer about 居住证 is read as a question about 居住证) and how many
/// questions in a row went unanswered. Owned by the conversation and passed to every ask; one instance
/// must not be used by two questions at the same time.
/// </summary>
public sealed class ConversationContext
{
    /// <summary>Id of the last entry given as an answer, if any.</summary>
    public string? TopicEntryId { get; private set; }

    /// <summary>Category of that entry.</summary>
    public string? TopicCategory { get; private set; }

    /// <summary>Owning department of that entry, for routing an escalation.</summary>
    public string? TopicDepartment { get; private set; }

    /// <summary>The topic words of that entry's standard question (aspect words removed).</summary>
    public string? TopicText { get; private set; }

    /// <summary>Questions in a row that ended in <see cref="AnswerDecision.NoAnswer"/>.</summary>
    public int ConsecutiveNoAnswers { get; private set; }

    /// <summary>Turns since the topic was set; the topic is forgotten after a few unrelated turns.</summary>
    public int TurnsSinceTopic { get; private set; }

    internal void Record(AnswerResult result, string? topicText)
    {
        TurnsSinceTopic++;
        switch (result.Decision)
        {
            case AnswerDecision.Answered when result.Entry is not null:
                TopicEntryId = result.Entry.Id;
                TopicCategory = result.Entry.Category;
                TopicDepartment = result.Entry.Department;
                TopicText = topicText;
                TurnsSinceTopic = 0;
                ConsecutiveNoAnswers = 0;
                break;
            case AnswerDecision.NoAnswer:
                ConsecutiveNoAnswers++;
                break;
            case AnswerDecision.Clarify:
                ConsecutiveNoAnswers = 0;
                break;
        }
    }

    /// <summary>
    /// A context as it was saved with its conversation (the values of the properties above), so that another process
    /// can continue the conversation where the last one left it.
    /// </summary>
    public static ConversationContext Restore(
        string? topicEntryId, string? topicCategory, string? topicDepartment, string? topicText, int consecutiveNoAnswers, int turnsSinceTopic) => new()
    {
        TopicEntryId = topicEntryId,
        TopicCategory = topicCategory,
        TopicDepartment = topicDepartment,
        TopicText = topicText,
        ConsecutiveNoAnswers = consecutiveNoAnswers,
        TurnsSinceTopic = turnsSinceTopic,
    };

    /// <summary>Forgets the topic, e.g. after an agent took over.</summary>
    public void ClearTopic()
    {
        TopicEntryId = TopicCategory = TopicDepartment = TopicText = null;
        TurnsSinceTopic = 0;
    }
}
