using System.Diagnostics;
using GovAssistant.ChatLoad;

// Phases: warm-up (throw-away visitors ask a little, so JIT and caches are not counted as per-connection memory)
// → baseline memory → ramp-up in batches → memory with all connections idle → questions at --rate for
// --duration → drain outstanding answers → report. Everything talks to --url only (127.0.0.1 in the script).
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var stats = new LoadStats();
var server = options.ServerPid is int pid ? new ServerProcess(pid) : null;
using var http = new HttpClient(new SocketsHttpHandler
{
    // Every connection of a ramp-up batch asks for its token at once.
    MaxConnectionsPerServer = Math.Max(options.Batch, 16),
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
}) { Timeout = TimeSpan.FromSeconds(60) };
var report = new Report(options, stats, server);

if (options.Warmup > 0)
{
    // Long enough for tiered compilation to reach the optimised code of the hot paths.
    var warmRate = Math.Min(options.Rate, 100);
    Console.WriteLine($"== warm-up: {options.Warmup} throw-away visitors asking {warmRate:0.#}/s for 10 s");
    var warm = await Ramp.OpenAsync(options.Warmup, options.Warmup, http, options.Url, stats, Console.Out);
    await Scheduler.RunAsync(warm.Held, warmRate, TimeSpan.FromSeconds(10), stats);
    await Ramp.DrainAsync(warm.Held, TimeSpan.FromSeconds(10));
    await Ramp.CloseAsync(warm.Held);
    stats.Reset();
    await Task.Delay(TimeSpan.FromSeconds(2));
}

report.Baseline();
Console.WriteLine($"== ramp-up: {options.Connections} connections, {options.Batch} at a time");
var ramp = await Ramp.OpenAsync(options.Connections, options.Batch, http, options.Url, stats, Console.Out);
report.Connected(ramp);
if (ramp.Held.Count == 0)
{
    Console.Error.WriteLine("No connection could be opened; errors:");
    foreach (var (message, count) in stats.Errors) Console.Error.WriteLine($"  {count} × {message}");
    return 1;
}
await Task.Delay(TimeSpan.FromSeconds(3)); // let the server settle before reading idle memory
report.HeldIdle(ramp.Held.Count(s => s.IsConnected));

Console.WriteLine($"== questions: {options.Rate:0.#}/s for {options.Duration.TotalSeconds:0} s over {ramp.Held.Count} connections");
stats.Recording = true;
using var sampling = new CancellationTokenSource();
var sampler = report.SampleWhileAsync(sampling.Token);
var (scheduled, notSent, elapsed) = await Scheduler.RunAsync(ramp.Held, options.Rate, options.Duration, stats);
var drained = await Ramp.DrainAsync(ramp.Held, options.AnswerTimeout);
sampling.Cancel();
await sampler;
report.Load(scheduled, notSent, elapsed, ramp.Held.Count(s => s.IsWaiting), drained);
report.HeldAfter(ramp.Held.Count(s => s.IsConnected));

report.Print(Console.Out);
await Ramp.CloseAsync(ramp.Held);
return 0;
