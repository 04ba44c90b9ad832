using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Assist;

/// <summary>Registers the embeddings model and its indexer; called by <c>AddLlmAssist</c> when <c>Llm:EmbeddingModel</c> is set.</summary>
internal static class EmbeddingServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddEmbeddingRerank(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LlmOptions>()
            .Validate(o => o.EmbeddingWeight is >= 0 and <= 1, "Llm:EmbeddingWeight 应在 0–1 之间")
            .Validate(o => o.EmbeddingBatchSize is >= 1 and <= 2048, "Llm:EmbeddingBatchSize 应在 1–2048 之间");
        // Its own client and so its own circuit breaker: a failing embeddings server does not silence the chat model.
        builder.Services.AddHttpClient(OpenAIEmbeddings.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("llm-embeddings", (pipeline, context) =>
            {
                pipeline.TimeProvider = context.ServiceProvider.GetService<TimeProvider>();
                LlmResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value);
            });
        builder.Services.AddSingleton<IEmbeddingModel, OpenAIEmbeddings>();
        builder.Services.AddHostedService<EmbeddingIndexer>();
        return builder;
    }
}
