using System.Globalization;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// Activity ids and watermarks come from the conversation's message sequence numbers (1, 2, 3 … without gaps): the
/// activity of message 7 is "{conversationId}|0000007" and a watermark "7" means "everything up to message 7 is
/// delivered", so a client that reconnects with its watermark gets exactly what it missed.
/// </summary>
public static class ActivityIds
{
    /// <summary>The id of the activity of message <paramref name="seq"/>.</summary>
    public static string Of(string conversationId, long seq) => $"{conversationId}|{seq.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>The watermark after message <paramref name="seq"/>.</summary>
    public static string Watermark(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a watermark: null when none was given (from the start, <c>conversationUpdate</c> included), the sequence
    /// number otherwise; false when it is not a watermark this service issued.
    /// </summary>
    public static bool TryParseWatermark(string? text, out long? seq)
    {
        seq = null;
        // Web Chat sends "?watermark=" (empty) before it has one; the Direct Line reference uses "-" the same way.
        if (string.IsNullOrEmpty(text) || text == "-") return true;
        if (text.Length > 19 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        seq = value;
        return true;
    }
}
