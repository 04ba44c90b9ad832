namespace GovAssistant.ChatHub.Insights;

/// <summary>How long something took: sample count, median, 90th percentile (nearest rank) and mean, in seconds.</summary>
public sealed record Spread(int Count, double? P50Seconds, double? P90Seconds, double? AverageSeconds)
{
    /// <summary>The spread of <paramref name="samples"/>; null figures when there is none.</summary>
    public static Spread Of(IEnumerable<TimeSpan> samples)
    {
        var seconds = samples.Select(s => s.TotalSeconds).Order().ToList();
        if (seconds.Count == 0) return new Spread(0, null, null, null);
        return new Spread(seconds.Count, Percentile(seconds, 50), Percentile(seconds, 90), Math.Round(seconds.Average(), 1));
    }

    /// <summary>Nearest-rank percentile of sorted values: the smallest value with at least p % of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, int p) =>
        sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}

/// <summary>The dashboard's headline figures for a period.</summary>
/// <param name="Questions">Questions asked.</param>
/// <param name="BotQuestions">Questions that were service questions (all but small talk): the rates' denominator.</param>
/// <param name="Resolved">Answered by the bot, not escalated, not followed by a 👎 or a 差评 of the conversation.</param>
/// <param name="Clarified">Answered with "您是不是想问" choices.</param>
/// <param name="Escalated">Followed by a hand-over to a person (or an offer to leave a message).</param>
/// <param name="Unanswered">No answer found.</param>
/// <param name="ResolutionRate">Resolved ÷ BotQuestions.</param>
/// <param name="ClarificationRate">Clarified ÷ BotQuestions.</param>
/// <param name="EscalationRate">Escalated ÷ BotQuestions.</param>
/// <param name="QueueWait">From entering the queue to an agent accepting.</param>
/// <param name="FirstResponse">From an agent accepting to their first message.</param>
/// <param name="Duration">From start to close of closed conversations.</param>
/// <param name="Rated">Conversations rated.</param>
/// <param name="AverageRating">Mean rating (1–5).</param>
/// <param name="BadRatings">差评 (1–2).</param>
/// <param name="BadRatingsFollowedUp">差评 marked 已跟进.</param>
/// <param name="TicketsOpen">Tickets (留言) waiting for an answer now.</param>
/// <param name="TicketsOverdue">Of those, waiting longer than the SLA.</param>
public sealed record DashboardSummary(
    int Questions, int BotQuestions, int Resolved, int Clarified, int Escalated, int Unanswered,
    double ResolutionRate, double ClarificationRate, double EscalationRate,
    Spread QueueWait, Spread FirstResponse, Spread Duration,
    int Rated, double? AverageRating, int BadRatings, int BadRatingsFollowedUp, int TicketsOpen, int TicketsOverdue);

/// <summary>One table of the dashboard, as shown and as exported to CSV.</summary>
/// <param name="Name">Key used by the page and the CSV export (perDay, hotQuestions …).</param>
/// <param name="Title">Chinese title.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Cells as text.</param>
public sealed record DashboardTable(string Name, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Everything the dashboard shows for a period and filter.</summary>
public sealed record DashboardReport(
    DateTimeOffset From, DateTimeOffset To, string? Channel, string? Category, string? Department, double TicketSlaHours,
    DashboardSummary Summary, IReadOnlyList<DashboardTable> Tables);
