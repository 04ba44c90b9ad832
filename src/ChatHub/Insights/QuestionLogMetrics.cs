using System.Diagnostics.Metrics;

namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// The question log's background writer as metrics (meter <c>GovAssistant.ChatHub.Analytics</c>): records written and
/// records dropped (queue full or a failed write), so an overloaded or failing writer shows on the dashboard.
/// </summary>
internal sealed class QuestionLogMetrics
{
    /// <summary>The meter's name, for an OpenTelemetry exporter's <c>AddMeter</c>.</summary>
    public const string MeterName = "GovAssistant.ChatHub.Analytics";

    public QuestionLogMetrics(IMeterFactory meters, QuestionLog log)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("govassistant.question_log.written", () => log.WrittenRecords, "{record}",
            "Question-log records written by the background writer");
        meter.CreateObservableCounter("govassistant.question_log.dropped", () => log.DroppedRecords, "{record}",
            "Question-log records dropped: queue full (oldest first) or a failed write");
    }
}
