using GovAssistant.ChatHub.Storage;
using GovAssistant.KnowledgeBase;
using GovAssistant.KnowledgeBase.Storage;
using GovAssistant.QaEngine;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Bank;

/// <summary>Registers the bank store, the answering engine and the start-up publish.</summary>
internal static class BankServiceCollectionExtensions
{
    /// <summary>
    /// Configuration:
    /// <code>
    /// "KnowledgeBase": { "DatabasePath": "App_Data/govassistant.db" },
    /// "QaEngine": { "IndexPath": "App_Data/index", "AnswerThreshold": 0.8 },
    /// "Bank": { "SeedPath": "seed", "RefreshInterval": "00:00:05" }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddBank(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeBaseOptions>().BindConfiguration(KnowledgeBaseOptions.SectionName);
        builder.Services.AddOptions<QaEngineOptions>().BindConfiguration(QaEngineOptions.SectionName)
            .Validate(o => o.AnswerThreshold > o.ClarifyThreshold, "QaEngine:AnswerThreshold 必须大于 ClarifyThreshold")
            .Validate(o => o.MaxQuestionLength is > 0 and <= 4000, "QaEngine:MaxQuestionLength 必须在 1–4000 之间")
            .ValidateOnStart();
        builder.Services.AddOptions<BankOptions>().BindConfiguration(BankOptions.SectionName)
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "Bank:RefreshInterval 必须大于 0")
            .ValidateOnStart();

        var paths = StoragePaths.Resolve(builder);
        // The bank follows Storage:Provider: the SQLite file beside the service, or the PostgreSQL database every node shares.
        builder.Services.AddSingleton<IBankStore>(sp => sp.ConfiguredProvider() == StorageProvider.Postgres
            ? new PostgresBankStore(builder.Configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("未设置 ConnectionStrings:Postgres"))
            : new FaqStore(new KnowledgeBaseOptions
            {
                DatabasePath = sp.GetRequiredService<StoragePaths>().DatabasePath,
                MaxImportFileBytes = sp.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value.MaxImportFileBytes,
            }));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<QaEngineOptions>>().Value;
            options.IndexPath = paths.IndexPath;
            return new AnswerEngine(options, time: sp.GetService<TimeProvider>());
        });
        builder.Services.AddHostedService<BankStartup>();
        builder.Services.AddHostedService<BankRefresher>();
        return builder;
    }
}
