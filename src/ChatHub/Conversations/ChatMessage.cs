namespace GovAssistant.ChatHub.Conversations;

/// <summary>Who wrote a message.</summary>
public enum SenderKind
{
    /// <summary>The citizen.</summary>
    Visitor,

    /// <summary>The answering engine.</summary>
    Bot,

    /// <summary>A human agent.</summary>
    Agent,

    /// <summary>The service itself (queue position, transfers, closing).</summary>
    System,

    /// <summary>An agent's private note: never shown to the visitor.</summary>
    Note,
}

/// <summary>
/// One message of a conversation, persisted before it is delivered. <see cref="Seq"/> numbers the messages of a
/// conversation 1, 2, 3 … without gaps, so a client that reconnects asks for everything after the last one it saw.
/// </summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Seq">Position in the conversation, from 1.</param>
/// <param name="Sender">Who wrote it.</param>
/// <param name="SenderId">Agent id for agent messages and notes; null otherwise.</param>
/// <param name="SenderName">Display name (agent name, "智能助手", …).</param>
/// <param name="Text">The text (Markdown for bot answers).</param>
/// <param name="At">When it was stored.</param>
/// <param name="Channel">Channel it came from or goes to (web, wechat, directline, api).</param>
/// <param name="Data">JSON with structured content: the bot's decision, choices, faq id …; null for plain text.</param>
public sealed record ChatMessage(
    string ConversationId,
    long Seq,
    SenderKind Sender,
    string? SenderId,
    string? SenderName,
    string Text,
    DateTimeOffset At,
    string Channel,
    string? Data = null)
{
    /// <summary>True when the visitor may see this message (everything but private notes).</summary>
    public bool IsVisibleToVisitor => Sender != SenderKind.Note;
}
