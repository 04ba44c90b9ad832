namespace GovAssistant.ChatHub.Insights;

/// <summary>Settings of the question log, clustering and the service-quality dashboard (section <c>Insights</c>).</summary>
public sealed class InsightsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Insights";

    /// <summary>Answers below this confidence count as low-confidence and join the unanswered clusters.</summary>
    public double LowConfidence { get; set; } = 0.5;

    /// <summary>Two questions share an intent when the similarity of their analysed terms reaches this (0–1).</summary>
    public double ClusterSimilarity { get; set; } = 0.25;

    /// <summary>A ticket (留言) not answered within this many hours is overdue (2 working days ≈ 48 h).</summary>
    public double TicketSlaHours { get; set; } = 48;

    /// <summary>
    /// Question-log records waiting for the background writer; beyond this the oldest are dropped (and counted) rather
    /// than make an answer wait.
    /// </summary>
    public int WriteQueueCapacity { get; set; } = 10_000;

    /// <summary>Most question-log records the background writer puts in one transaction.</summary>
    public int WriteBatchSize { get; set; } = 500;
}
