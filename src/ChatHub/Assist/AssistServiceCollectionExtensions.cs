using GovAssistant.ChatHub.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Assist;

/// <summary>Registers model assistance: the model (on or off), its resilient HttpClient, usage accounting and the features.</summary>
internal static class AssistServiceCollectionExtensions
{
    /// <summary>
    /// Configuration (the key from the environment only: <c>Llm__ApiKey</c>):
    /// <code>"Llm": { "Endpoint": "http://10.0.0.5:8000/v1", "ChatModel": "qwen2.5-14b-instruct", "EmbeddingModel": "bge-m3", "EmbeddingWeight": 0.3, "TimeoutSeconds": 5 }</code>
    /// An empty endpoint registers <see cref="OffModel"/>: no HttpClient, no request, no change in behaviour.
    /// </summary>
    public static IHostApplicationBuilder AddLlmAssist(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName)
            .Validate(o => !o.IsOn || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var u) && u.Scheme is "http" or "https", "Llm:Endpoint 应为 http(s) 地址，例如 http://10.0.0.5:8000/v1")
            .Validate(o => !o.IsOn || !string.IsNullOrWhiteSpace(o.ChatModel), "Llm:ChatModel 不能为空")
            .Validate(o => o.TimeoutSeconds is > 0 and <= 120, "Llm:TimeoutSeconds 应在 0–120 之间")
            .Validate(o => o.MaxRetries is >= 0 and <= 5, "Llm:MaxRetries 应在 0–5 之间")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(LlmOptions.SectionName).Get<LlmOptions>() ?? new();
        if (options.IsOn)
        {
            builder.Services.AddHttpClient(SemanticKernelModel.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .AddResilienceHandler("llm", (pipeline, context) =>
                {
                    pipeline.TimeProvider = context.ServiceProvider.GetService<TimeProvider>();
                    LlmResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<LlmOptions>>().Value);
                });
            builder.Services.AddSingleton<IAssistModel, SemanticKernelModel>();
            if (options.EmbeddingsOn) builder.AddEmbeddingRerank();
        }
        else
        {
            builder.Services.AddSingleton<IAssistModel, OffModel>();
        }
        builder.Services.AddStore<AssistUsage, SqliteAssistUsage, PostgresAssistUsage>();
        builder.Services.AddSingleton<HandoffSummaries>();
        builder.Services.AddSingleton<ReplyDrafts>();
        builder.Services.AddSingleton<BankAuthoring>();
        builder.Services.AddSingleton<QuestionRewriter>();
        builder.Services.TryAddSingleton<IEmbeddingModel, OffEmbeddings>();
        builder.Services.AddSingleton(EmbeddingCache.For);
        builder.Services.AddSingleton<EntryEmbeddings>();
        builder.Services.AddSingleton<EmbeddingRerank>();
        return builder;
    }
}
