using System.Diagnostics;
using GovAssistant.ChatHub.Assist;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Storage;
using GovAssistant.KnowledgeBase;
using GovAssistant.KnowledgeBase.Storage;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Answering;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Cli;

/// <summary>
/// What <c>eval --llm</c> adds to an evaluation: the service's own model assistance — question rewriting and, with
/// <c>Llm:EmbeddingModel</c>, the embedding re-rank — composed by the same <c>AddLlmAssist</c> step as the service,
/// against the endpoint named in the environment (<c>Llm__Endpoint</c>, <c>Llm__ChatModel</c> …). Its scratch
/// database (usage figures, entry vectors) lives in the evaluation's temporary folder and goes with it.
/// </summary>
internal sealed class EvalAssist : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly QuestionRewriter _rewriter;

    private EvalAssist(IHost host)
    {
        _host = host;
        _rewriter = host.Services.GetRequiredService<QuestionRewriter>();
    }

    /// <summary>The model configuration from the environment, or the Chinese reason <c>--llm</c> cannot run.</summary>
    public static (LlmOptions? Options, string? Refusal) Configured()
    {
        var options = new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(LlmOptions.SectionName).Get<LlmOptions>() ?? new();
        return options.IsOn
            ? (options, null)
            : (null, "eval --llm 需要一个模型服务：请用环境变量 Llm__Endpoint 指定 OpenAI 兼容的地址（例如 http://10.0.0.5:8000/v1），" +
                     "并用 Llm__ChatModel 指定模型名；如需同时评测向量重排，再设置 Llm__EmbeddingModel。未使用任何模型，评测未运行。");
    }

    /// <summary>Composes assistance around <paramref name="engine"/> and embeds the bank's entries when an embeddings model is configured.</summary>
    public static async Task<EvalAssist> StartAsync(AnswerEngine engine, IReadOnlyList<FaqEntry> entries, string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder });
        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<StorageOptions>();
        var databasePath = Path.Combine(folder, "eval-assist.db");
        builder.Services.AddSingleton(_ =>
        {
            var database = new SqliteDatabase(databasePath);
            SchemaMigrations.Run(StorageProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString(),
                typeof(StorageOptions).Assembly, StorageServiceCollectionExtensions.JournalTable);
            return database;
        });
        builder.Services.AddSingleton(engine);
        // The bot context is kept with the conversation; an evaluation's turns live in the temporary database.
        builder.Services.AddSingleton<IConversationStore, SqliteConversationStore>();
        builder.Services.AddSingleton<ConversationContexts>();
        builder.AddLlmAssist();
        var assist = new EvalAssist(builder.Build());

        var options = assist._host.Services.GetRequiredService<IOptions<LlmOptions>>().Value;   // validates, as start-up would
        output.WriteLine($"模型：{options.Endpoint}（对话 {options.ChatModel}，向量 {(options.EmbeddingsOn ? options.EmbeddingModel + $"，权重 {options.EmbeddingWeight}" : "未配置")}）");
        if (options.EmbeddingsOn)
        {
            var embeddings = assist._host.Services.GetRequiredService<EntryEmbeddings>();
            var clock = Stopwatch.StartNew();
            var sent = await embeddings.IndexAsync(new BankSnapshot(entries, 1, DateTimeOffset.UtcNow));
            output.WriteLine($"向量：{entries.Count} 条中 {sent} 条送模型计算，用时 {clock.Elapsed.TotalSeconds:F1} 秒" +
                (embeddings.IsComplete ? "" : "；部分条目没有向量（模型出错），这些问题不做向量重排"));
        }
        return assist;
    }

    /// <summary>The decision the service would give with assistance, given the engine's own <paramref name="first"/>.</summary>
    public Task<AnswerResult> ImproveAsync(int queryNumber, string question, AnswerResult first) =>
        _rewriter.ImproveAsync($"eval-{queryNumber}", question, first);

    /// <summary>One line on the model calls made (from the usage accounting).</summary>
    public async Task<string> UsageAsync()
    {
        var days = await _host.Services.GetRequiredService<AssistUsage>().DailyAsync(2);
        return $"模型调用：{days.Sum(d => d.Calls)} 次，其中失败 {days.Sum(d => d.Failures)} 次；输入 token {days.Sum(d => d.PromptTokens)}，输出 token {days.Sum(d => d.CompletionTokens)}";
    }

    /// <summary>The figures without and with the model, one line per figure, side by side.</summary>
    public static IEnumerable<string> SideBySide(EvalSummary without, EvalSummary with)
    {
        static string F(double? v) => v is { } x ? x.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "–";
        yield return $"{"指标",-18}{"无模型",10}{"有模型",10}";
        foreach (var (name, a, b) in new (string, double?, double?)[]
        {
            ("top1", without.Top1, with.Top1), ("recall5", without.Recall5, with.Recall5), ("mrr10", without.Mrr10, with.Mrr10),
            ("answeredPrecision", without.AnsweredPrecision, with.AnsweredPrecision), ("coverage", without.Coverage, with.Coverage),
            ("clarifyHit", without.ClarifyHit, with.ClarifyHit), ("resolved", without.Resolved, with.Resolved),
            ("answeredWrong", without.AnsweredWrong, with.AnsweredWrong), ("falseAnswer", without.FalseAnswer, with.FalseAnswer),
            ("p50Ms", without.P50Ms, with.P50Ms), ("p99Ms", without.P99Ms, with.P99Ms),
        })
            yield return $"{name,-20}{F(a),12}{F(b),12}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable d) await d.DisposeAsync();
        else _host.Dispose();
        SqliteConnection.ClearAllPools();   // so the temporary folder can be deleted
    }
}
