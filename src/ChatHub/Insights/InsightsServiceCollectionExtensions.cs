using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Storage;
using GovAssistant.QaEngine.Analysis;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Insights;

/// <summary>Registers the question log, clustering, suggestions and the service-quality dashboard.</summary>
internal static class InsightsServiceCollectionExtensions
{
    /// <summary>
    /// Configuration:
    /// <code>"Insights": { "LowConfidence": 0.5, "ClusterSimilarity": 0.25, "TicketSlaHours": 48, "WriteQueueCapacity": 10000, "WriteBatchSize": 500 }</code>
    /// </summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.SectionName)
            .Validate(o => o.LowConfidence is >= 0 and <= 1, "Insights:LowConfidence 应在 0–1 之间")
            .Validate(o => o.ClusterSimilarity is > 0 and <= 1, "Insights:ClusterSimilarity 应在 0–1 之间")
            .Validate(o => o.TicketSlaHours > 0, "Insights:TicketSlaHours 应大于 0")
            .Validate(o => o.WriteQueueCapacity > 0 && o.WriteBatchSize > 0, "Insights:WriteQueueCapacity 与 WriteBatchSize 应大于 0")
            .ValidateOnStart();
        builder.Services.AddStore<QuestionLog, SqliteQuestionLog, PostgresQuestionLog>();
        builder.Services.AddHostedService<QuestionLogShutdown>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<QuestionLogMetrics>();
        builder.Services.AddStore<RatingFollowUps, SqliteRatingFollowUps, PostgresRatingFollowUps>();
        builder.Services.AddSingleton<ConversationFacts>();
        builder.Services.AddSingleton(sp => new QuestionClusterer(TextAnalysis.CreateDefault(), sp.GetRequiredService<IOptions<InsightsOptions>>().Value.ClusterSimilarity));
        builder.Services.AddSingleton<UnansweredClusters>();
        builder.Services.AddSingleton<SuggestionFinder>();
        builder.Services.AddSingleton<ServiceQualityReport>();
        // User text must never reach a log: SignalR's dispatcher logs hub arguments (the visitor's messages) at Debug.
        // Silenced altogether: it also logs every refusal as an error with a stack trace, which HubErrorFilter logs briefly.
        builder.Logging.AddFilter(Hubs.HubErrorFilter.DispatcherLogCategory, LogLevel.None);
        return builder;
    }
}
