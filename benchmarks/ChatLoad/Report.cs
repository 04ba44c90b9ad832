using System.Diagnostics;
using System.Globalization;

namespace GovAssistant.ChatLoad;

/// <summary>Collects the phase figures and prints the report, ending with one <c>SUMMARY</c> line for scripts.</summary>
internal sealed class Report(LoadOptions options, LoadStats stats, ServerProcess? server)
{
    private const double MiB = 1024 * 1024;
    private long _baselineRss, _idleRss, _peakRss, _afterRss;
    private int _heldIdle, _heldAfter, _threadsIdle;
    private Ramp.Result? _ramp;
    private long _scheduled, _notSent, _stillWaiting;
    private bool _drained;
    private TimeSpan _loadElapsed, _serverCpu, _clientCpu;

    public void Baseline() => _baselineRss = server?.ResidentBytes() ?? 0;

    public void Connected(Ramp.Result ramp) => _ramp = ramp;

    public void HeldIdle(int held)
    {
        _heldIdle = held;
        _idleRss = server?.ResidentBytes() ?? 0;
        _threadsIdle = server?.Threads() ?? 0;
    }

    /// <summary>Samples the server's RSS every half second (peak) and its CPU time across the load phase.</summary>
    public async Task SampleWhileAsync(CancellationToken ct)
    {
        var serverCpu = server?.CpuTime() ?? TimeSpan.Zero;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (server is not null) _peakRss = Math.Max(_peakRss, server.ResidentBytes());
                await Task.Delay(500, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        _serverCpu = (server?.CpuTime() ?? TimeSpan.Zero) - serverCpu;
        _clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
    }

    public void Load(long scheduled, long notSent, TimeSpan elapsed, int stillWaiting, bool drained) =>
        (_scheduled, _notSent, _loadElapsed, _stillWaiting, _drained) = (scheduled, notSent, elapsed, stillWaiting, drained);

    public void HeldAfter(int held)
    {
        _heldAfter = held;
        _afterRss = server?.ResidentBytes() ?? 0;
    }

    public void Print(TextWriter o)
    {
        var ramp = _ramp!;
        var seconds = _loadElapsed.TotalSeconds;
        var rt = stats.Percentiles();
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine();
        o.WriteLine($"== report ({Environment.ProcessorCount} cores, client and server on the same machine)");
        o.WriteLine($"connections: attempted {ramp.Attempted}, held {_heldIdle} after ramp-up ({ramp.Elapsed.TotalSeconds:0.0} s), " +
                    $"failed {ramp.Failed}, held at end {_heldAfter}, dropped during run {stats.Dropped}");
        o.WriteLine($"questions: due {_scheduled} at {options.Rate:0.#}/s, sent {stats.Sent}, not sent (every connection waiting) {_notSent}, " +
                    $"answered {stats.Answered}, unanswered at end {_stillWaiting}{(_drained ? "" : " (drain timed out)")}");
        o.WriteLine($"achieved: {stats.Sent / seconds:0.0} questions/s sent, {stats.Answered / seconds:0.0} answers/s over {seconds:0.0} s " +
                    $"(answers include the drain after the window)");
        if (rt is { } r)
            o.WriteLine($"round trip Send → bot Message (ms): p50 {r.P50:0.0}, p90 {r.P90:0.0}, p99 {r.P99:0.0}, max {r.Max:0.0}, mean {r.Mean:0.0} (n={r.Count})");
        o.WriteLine($"bot decisions: {string.Join(", ", stats.Decisions.OrderByDescending(d => d.Value).Select(d => $"{d.Key} {d.Value}"))}; escalations {stats.Escalations}");
        o.WriteLine($"errors: {(stats.Errors.Count == 0 ? "none" : "")}");
        foreach (var (message, count) in stats.Errors.OrderByDescending(e => e.Value).Take(10)) o.WriteLine($"  {count} × {message}");
        if (server is not null)
        {
            var perConnection = _heldIdle > 0 ? (_idleRss - _baselineRss) / (double)_heldIdle / 1024 : 0;
            var perConnectionAfter = _heldAfter > 0 ? (_afterRss - _baselineRss) / (double)_heldAfter / 1024 : 0;
            o.WriteLine($"server (pid {server.Pid}) VmRSS: baseline {_baselineRss / MiB:0} MiB, all held idle {_idleRss / MiB:0} MiB " +
                        $"({_threadsIdle} threads), peak under load {_peakRss / MiB:0} MiB, after load {_afterRss / MiB:0} MiB");
            o.WriteLine($"server memory per connection: {perConnection:0.0} KiB idle, {perConnectionAfter:0.0} KiB after load ((RSS - baseline) / held)");
            o.WriteLine($"CPU during the load phase: server {_serverCpu.TotalSeconds / seconds:0.00} cores, this client {_clientCpu.TotalSeconds / seconds:0.00} cores");
        }
        o.WriteLine(string.Create(inv,
            $"SUMMARY connections={options.Connections} held={_heldIdle} failed={ramp.Failed} rate={options.Rate} sent/s={stats.Sent / seconds:0.0} " +
            $"p50={rt?.P50:0.0}ms p90={rt?.P90:0.0}ms p99={rt?.P99:0.0}ms max={rt?.Max:0.0}ms notSent={_notSent} unanswered={_stillWaiting} " +
            $"errors={stats.Errors.Values.Sum()} rssPerConnKiB={(_heldIdle > 0 ? (_idleRss - _baselineRss) / (double)_heldIdle / 1024 : 0):0.0} " +
            $"serverCpu={_serverCpu.TotalSeconds / seconds:0.00}"));
    }
}
