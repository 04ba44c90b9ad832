namespace GovAssistant.ChatHub.Security;

/// <summary>Tells, among System.Text.Json's failures, the ones caused by text that is not valid Unicode.</summary>
internal static class MalformedText
{
    /// <summary>
    /// Whether <paramref name="e"/> (or an exception inside it) is System.Text.Json refusing a lone surrogate escape
    /// (<c>\ud800</c>) or bytes that are not UTF-8. Both surface as an <see cref="InvalidOperationException"/> naming
    /// UTF-8/UTF-16; the same type without that wording is a wrong value type, which is a different refusal.
    /// </summary>
    public static bool Caused(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is System.Text.DecoderFallbackException) return true;
            if (e is InvalidOperationException && e.Message.Contains("UTF-", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
