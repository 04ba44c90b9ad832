using GovAssistant.ChatHub.Conversations;

namespace GovAssistant.ChatHub.Channels.DirectLine;

/// <summary>
/// The 好差评 scale as buttons and words: after a conversation closes the user is offered 非常满意 … 非常不满意; clicking
/// (or typing the words, or a digit 1–5) rates the service.
/// </summary>
public static class RatingWords
{
    /// <summary>The buttons, best first.</summary>
    public static IReadOnlyList<CardAction> Buttons { get; } =
        [.. Enumerable.Range(1, 5).Reverse().Select(r => new CardAction("imBack", RatingLabels.Of(r), RatingLabels.Of(r)))];

    /// <summary>The rating <paramref name="text"/> stands for, or null when it is something else.</summary>
    public static int? Parse(string? text)
    {
        var t = text?.Trim().TrimEnd('。', '！', '!', '.');
        if (string.IsNullOrEmpty(t)) return null;
        for (var r = 1; r <= 5; r++)
        {
            if (t == RatingLabels.Of(r) || t == r.ToString(System.Globalization.CultureInfo.InvariantCulture) || t == $"{r}分" || t == $"{r}星")
                return r;
        }
        return null;
    }
}
