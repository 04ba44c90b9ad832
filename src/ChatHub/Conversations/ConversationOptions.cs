namespace GovAssistant.ChatHub.Conversations;

/// <summary>
/// Escalation and queue settings, bound from the <c>Conversations</c> section:
/// <code>"Conversations": { "NoAnswersBeforeEscalation": 2, "ServiceHours": "08:30-17:30", "AnyDepartmentAfter": "00:02:00", "OfferTicketAfter": "00:03:00" }</code>
/// </summary>
public sealed class ConversationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Conversations";

    /// <summary>Unanswered questions in a row after which the bot hands over to a person.</summary>
    public int NoAnswersBeforeEscalation { get; set; } = 2;

    /// <summary>Hours when agents take chats, "HH:mm-HH:mm" local time; empty means around the clock.</summary>
    public string? ServiceHours { get; set; }

    /// <summary>After this wait, a queued conversation may be taken by an agent of any department.</summary>
    public TimeSpan AnyDepartmentAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After this wait in the queue, the visitor is offered to leave a message (a ticket) and may keep waiting.</summary>
    public TimeSpan OfferTicketAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often the queue is reviewed for the two waits above, so agents and visitors hear of them without reloading.</summary>
    public TimeSpan QueueReviewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest message accepted from a visitor or agent.</summary>
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>True when <paramref name="localTime"/> is within <see cref="ServiceHours"/>.</summary>
    public bool IsWithinServiceHours(TimeOnly localTime)
    {
        if (string.IsNullOrWhiteSpace(ServiceHours)) return true;
        var parts = ServiceHours.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TimeOnly.TryParse(parts[0], out var from) || !TimeOnly.TryParse(parts[1], out var to)) return true;
        return localTime.IsBetween(from, to);
    }
}
