namespace GovAssistant.ChatHub.Conversations;

/// <summary>Conversation identifiers: issued as 32 hex digits; accepted as 1–64 letters, digits, '-' or '_'.</summary>
internal static class ConversationIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
