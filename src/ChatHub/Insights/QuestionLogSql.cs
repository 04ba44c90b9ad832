namespace GovAssistant.ChatHub.Insights;

/// <summary>The question log's statements that SQLite and PostgreSQL share (parameters typed by each provider).</summary>
internal static class QuestionLogSql
{
    public const string LatestClarification =
        "SELECT id, choices FROM insight_questions WHERE conversation_id = @ConversationId AND decision = 'clarify' " +
        "AND picked_entry_id IS NULL AND id = (SELECT MAX(id) FROM insight_questions WHERE conversation_id = @ConversationId);";

    public const string Pick = "UPDATE insight_questions SET picked_entry_id = @picked WHERE id = @Id;";

    public const string Escalate =
        "UPDATE insight_questions SET escalated = TRUE WHERE id = (SELECT MAX(id) FROM insight_questions WHERE conversation_id = @ConversationId);";

    public const string Feedback = "UPDATE insight_questions SET feedback = @Value WHERE conversation_id = @ConversationId AND bot_seq = @BotSeq;";

    public const string Rate = "UPDATE insight_questions SET rating = @Rating WHERE conversation_id = @ConversationId;";

    public const string Select = """
        SELECT id, at, channel, conversation_id AS ConversationId, question, decision, confidence, entry_id AS EntryId,
            entry_question AS EntryQuestion, category, department, candidates, choices,
            picked_entry_id AS PickedEntryId, escalated, feedback, rating, handled_at IS NOT NULL AS Handled,
            suggestion_status AS SuggestionStatus
        FROM insight_questions
        WHERE at >= @From AND at < @To AND (@Channel IS NULL OR channel = @Channel)
          AND (@Category IS NULL OR category = @Category) AND (@Department IS NULL OR department = @Department)
        ORDER BY id;
        """;

    public const string MostAnswered = """
        SELECT entry_id, COUNT(*) FROM insight_questions
        WHERE at >= @From AND decision = 'answered' AND entry_id IS NOT NULL
        GROUP BY entry_id ORDER BY COUNT(*) DESC, MAX(id) DESC LIMIT @max;
        """;

    /// <summary>Marks open questions handled; <paramref name="idsAnyOf"/> is the dialect's "id is one of <c>@ids</c>".</summary>
    public static string Handle(string idsAnyOf) =>
        $"UPDATE insight_questions SET handled_at = @At, handled_by = @actor, handled_draft = @draftId WHERE id {idsAnyOf} AND handled_at IS NULL;";

    /// <summary>Records the decision on open suggestions; <paramref name="idsAnyOf"/> as in <see cref="Handle"/>.</summary>
    public static string ResolveSuggestions(string idsAnyOf) => $"""
        UPDATE insight_questions SET suggestion_status = @status, suggestion_by = @actor, suggestion_at = @At, suggestion_draft = @draftId
        WHERE id {idsAnyOf} AND suggestion_status IS NULL;
        """;

    /// <summary>The insert, with the expressions for the two JSON lists (a jsonb cast on PostgreSQL).</summary>
    public static string Insert(string candidates, string choices) => $"""
        INSERT INTO insight_questions (at, channel, conversation_id, question, decision, confidence, entry_id, entry_question,
            category, department, candidates, choices, bot_seq)
        VALUES (@At, @Channel, @ConversationId, @Question, @Decision, @Confidence, @EntryId, @EntryQuestion,
            @Category, @Department, {candidates}, {choices}, @BotSeq);
        """;
}
