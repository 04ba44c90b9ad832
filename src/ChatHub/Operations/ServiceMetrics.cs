using System.Diagnostics.Metrics;

namespace GovAssistant.ChatHub.Operations;

/// <summary>
/// The service's own instruments (meter <c>GovAssistant.ChatHub</c>), exported for Prometheus at <c>/metrics</c>:
/// questions per channel, the engine's decisions by kind, the queue's length, how long visitors waited for a person and
/// the open hub connections. Names follow OpenTelemetry's conventions; the exporter turns
/// <c>govassistant.questions</c> into <c>govassistant_questions_total</c>.
/// </summary>
public sealed class ServiceMetrics
{
    /// <summary>Name of the meter, for <c>AddMeter</c>.</summary>
    public const string MeterName = "GovAssistant.ChatHub";

    private readonly Counter<long> _questions;
    private readonly Counter<long> _decisions;
    private readonly Histogram<double> _queueWait;
    private readonly UpDownCounter<long> _hubConnections;
    private long _queueLength;

    /// <summary>Creates the instruments on a meter owned by the host's <paramref name="meters"/>.</summary>
    public ServiceMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _questions = meter.CreateCounter<long>("govassistant.questions", "{question}", "Questions asked, per channel (web, wechat, directline, api).");
        _decisions = meter.CreateCounter<long>("govassistant.decisions", "{decision}", "The engine's decisions by kind (answered, clarify, noAnswer, smallTalk, humanRequested).");
        _queueWait = meter.CreateHistogram<double>("govassistant.queue.wait", "s", "How long a visitor waited in the queue before an agent accepted.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 180, 300, 600, 1200] });
        _hubConnections = meter.CreateUpDownCounter<long>("govassistant.hub.connections", "{connection}", "Open SignalR connections on this node, per hub.");
        meter.CreateObservableGauge("govassistant.queue.length", () => Interlocked.Read(ref _queueLength), "{conversation}",
            "Conversations waiting for a person (as last seen by this node).");
    }

    /// <summary>One question answered by the engine on <paramref name="channel"/> with <paramref name="decision"/>.</summary>
    public void Asked(string channel, string decision)
    {
        _questions.Add(1, new KeyValuePair<string, object?>("channel", channel));
        _decisions.Add(1, new KeyValuePair<string, object?>("decision", decision), new KeyValuePair<string, object?>("channel", channel));
    }

    /// <summary>The queue now holds <paramref name="length"/> conversations.</summary>
    public void QueueIs(int length) => Interlocked.Exchange(ref _queueLength, length);

    /// <summary>A visitor waited <paramref name="wait"/> before an agent accepted.</summary>
    public void Waited(TimeSpan wait) => _queueWait.Record(Math.Max(0, wait.TotalSeconds));

    /// <summary>A connection to <paramref name="hub"/> opened (+1) or closed (-1).</summary>
    public void HubConnection(string hub, int delta) => _hubConnections.Add(delta, new KeyValuePair<string, object?>("hub", hub));
}
