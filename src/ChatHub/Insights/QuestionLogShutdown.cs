namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// Writes what the question log still holds when the host stops. <see cref="IHostedLifecycleService.StoppedAsync"/>
/// runs after every hosted service has stopped — the web server included — so no request can record anything after
/// the final flush: a graceful stop loses no record.
/// </summary>
internal sealed class QuestionLogShutdown(QuestionLog log, QuestionLogMetrics metrics) : IHostedLifecycleService
{
    // Created with the host, so the writer's counters are observable from the start.
    private readonly QuestionLogMetrics _metrics = metrics;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => log.CloseAsync().WaitAsync(cancellationToken);
}
