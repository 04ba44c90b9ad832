using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Bank;

/// <summary>
/// At start-up: loads the seed bank into an empty database, then publishes the stored bank to the engine
/// before the host accepts requests, so the first question is already answered from the whole bank.
/// </summary>
internal sealed class BankStartup(IBankStore store, AnswerEngine engine, IOptions<BankOptions> options, StoragePaths paths, ILogger<BankStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Service data: {Paths}", paths.Describe());
        if (options.Value.LoadSeedWhenEmpty && await store.CountAsync(cancellationToken: cancellationToken) == 0)
        {
            var report = SeedBankLoader.Load(options.Value.ResolvedSeedPath);
            if (!report.IsValid)
                throw new InvalidOperationException("种子问答库有错误，未导入：" + Environment.NewLine + string.Join(Environment.NewLine, report.Errors.Take(20)));
            var result = await store.ImportAsync(report, replace: false, "seed", cancellationToken);
            logger.LogInformation("Seed bank loaded from {Path}: {Created} entries", options.Value.ResolvedSeedPath, result.Created);
        }
        var snapshot = await store.PublishAsync(cancellationToken);
        engine.Publish(snapshot);
        logger.LogInformation("Bank revision {Revision} published: {Count} entries searchable", snapshot.Revision, engine.EntryCount);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
