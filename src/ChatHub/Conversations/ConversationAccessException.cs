namespace GovAssistant.ChatHub.Conversations;

/// <summary>The caller may not read or act on this conversation (another visitor's, or not routed to this agent).</summary>
public sealed class ConversationAccessException() : InvalidOperationException("无权访问该会话");
