using GovAssistant.ChatHub.Storage;
using GovAssistant.ChatHub.Bank;
using GovAssistant.QaEngine.Analysis;
using GovAssistant.QaEngine.Consistency;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Admin;

/// <summary>Registers and maps the bank administration: review workflow, history, consistency, audit.</summary>
internal static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// Needs <c>AddBank()</c> first. Configuration:
    /// <code>
    /// "BankAdmin": { "ExpiryWindowDays": 30, "MaxUploadBytes": 5242880, "CheckConsistencyAfterPublish": true },
    /// "Consistency": { "SimilarityThreshold": 0.75 }
    /// </code>
    /// </summary>
    public static IHostApplicationBuilder AddBankAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BankAdminOptions>().BindConfiguration(BankAdminOptions.SectionName)
            .Validate(o => o.ExpiryWindowDays is >= 0 and <= 3650, "BankAdmin:ExpiryWindowDays 必须在 0–3650 之间")
            .Validate(o => o.MaxUploadBytes > 0, "BankAdmin:MaxUploadBytes 必须大于 0")
            .ValidateOnStart();
        builder.Services.AddOptions<ConsistencyOptions>().BindConfiguration(ConsistencyOptions.SectionName)
            .Validate(o => o.SimilarityThreshold is > 0 and <= 1, "Consistency:SimilarityThreshold 必须在 (0, 1] 之间")
            .ValidateOnStart();
        builder.Services.AddSingleton<BankPublisher>();
        builder.Services.AddSingleton(sp => new ConsistencyChecker(TextAnalysis.CreateDefault(), sp.GetRequiredService<IOptions<ConsistencyOptions>>().Value));
        builder.Services.AddStore<ConsistencyFlagStore, SqliteConsistencyFlagStore, PostgresConsistencyFlagStore>();
        builder.Services.AddSingleton<ConsistencyMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ConsistencyMonitor>());
        return builder;
    }

    /// <summary>Maps <c>/api/admin/bank/*</c> and <c>/api/admin/audit</c>.</summary>
    public static IEndpointRouteBuilder MapBankAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/bank").MapBankEntries().MapDrafts().MapReviewDue().MapBankImport().MapConsistency();
        app.MapAuditApi();
        return app;
    }
}
