namespace GovAssistant.ChatHub.Insights;

/// <summary>
/// Writes what the question log still holds when the host stops. <see cref="IHostedLifecycleService.StoppedAsync"/>
/// runs after every hosted service has stopped — the web server included — so no request can record anything after
/// the final flush: a graceful stop loses no record.
/// </summary>
internal sealed class QuestionLogShutdown(QuestionLog log, QuestionLogMetrics metrics, ILogger<QuestionLogShutdown> logger) : IHostedLifecycleService
{
    // Created with the host, so the writer's counters are observable from the start.
    private readonly QuestionLogMetrics _metrics = metrics;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await log.CloseAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown's time ran out (a client held a connection open): stopping still completes; the writer goes
            // on finishing its batch while the process lives.
            logger.LogWarning("停止服务时问答日志未能在关闭时限内写完，剩余记录可能丢失");
        }
    }
}
