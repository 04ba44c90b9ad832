using System.Diagnostics;
using System.Threading.Channels;
using GovAssistant.ChatHub.Bank;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine.Consistency;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Admin;

/// <summary>What the last consistency run found.</summary>
/// <param name="At">When it finished.</param>
/// <param name="Revision">The bank revision checked.</param>
/// <param name="Entries">Published entries compared.</param>
/// <param name="Found">Conflicting pairs found.</param>
/// <param name="Open">Flags open after the run (dismissed and linked pairs with unchanged answers stay closed).</param>
/// <param name="Milliseconds">How long the run took.</param>
public sealed record ConsistencyRun(DateTimeOffset At, long Revision, int Entries, int Found, int Open, long Milliseconds);

/// <summary>
/// Runs the consistency checker over the published bank: on demand (<see cref="RunAsync"/>) and in the background after
/// every publish, one run at a time; publishes that arrive during a run are folded into one follow-up run.
/// </summary>
public sealed class ConsistencyMonitor : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IBankStore _store;
    private readonly ConsistencyChecker _checker;
    private readonly ConsistencyFlagStore _flags;
    private readonly TimeProvider _time;
    private readonly ILogger<ConsistencyMonitor> _logger;

    /// <summary>Listens to <paramref name="publisher"/> when <see cref="BankAdminOptions.CheckConsistencyAfterPublish"/> is on.</summary>
    public ConsistencyMonitor(IBankStore store, ConsistencyChecker checker, ConsistencyFlagStore flags, BankPublisher publisher,
        IOptions<BankAdminOptions> options, TimeProvider time, ILogger<ConsistencyMonitor> logger)
    {
        (_store, _checker, _flags, _time, _logger) = (store, checker, flags, time, logger);
        if (options.Value.CheckConsistencyAfterPublish) publisher.Published += _ => _requests.Writer.TryWrite(true);
    }

    /// <summary>The last run, or null before the first.</summary>
    public ConsistencyRun? LastRun { get; private set; }

    /// <summary>Checks the bank now and stores the flags.</summary>
    public async Task<ConsistencyRun> RunAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            var snapshot = await _store.GetSnapshotAsync(cancellationToken);
            var found = await Task.Run(() => _checker.Check(snapshot.Entries), cancellationToken);
            var open = await _flags.SyncAsync(found, _time.GetUtcNow());
            LastRun = new ConsistencyRun(_time.GetUtcNow(), snapshot.Revision, snapshot.Entries.Count, found.Count, open, watch.ElapsedMilliseconds);
            _logger.LogInformation("Consistency check of revision {Revision}: {Found} conflicting pairs, {Open} open, {Ms} ms",
                snapshot.Revision, found.Count, open, watch.ElapsedMilliseconds);
            return LastRun;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try { await RunAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "Consistency check failed; the previous flags stay");
            }
        }
    }
}
