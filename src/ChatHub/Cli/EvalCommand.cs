using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Answering;

namespace GovAssistant.ChatHub.Cli;

/// <summary>
/// <c>eval --bank &lt;file-or-folder&gt; --queries &lt;queries.jsonl&gt; --out &lt;results.jsonl&gt;</c>: builds a fresh index
/// from the bank in a temporary folder with the production analyzer, options and decision pipeline, asks every
/// query without conversation context, writes one result line per query and prints the summary figures
/// (computed exactly as <c>shared/eval/score.py</c> computes them). With <c>--llm</c> every query is also given the
/// service's model assistance (<see cref="EvalAssist"/>): <c>--out</c> then holds the assisted results, a
/// <c>.baseline.jsonl</c> file beside it the engine's own, and both summaries are printed side by side.
/// </summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task<int> RunAsync(CommandLine args, QaEngineOptions options, TextWriter output)
    {
        if (args.Option("bank") is not { } bankPath || args.Option("queries") is not { } queriesPath || args.Option("out") is not { } outPath)
        {
            output.WriteLine("用法：eval --bank <文件或目录> --queries <queries.jsonl> --out <results.jsonl> [--llm]");
            return 2;
        }
        var llm = args.Flag("llm");
        if (llm && EvalAssist.Configured().Refusal is { } refusal)
        {
            output.WriteLine(refusal);
            return 2;
        }
        // Typed paths are the caller's: relative to the current directory, shown in full so a typo is obvious.
        (bankPath, queriesPath, outPath) = (Path.GetFullPath(bankPath), Path.GetFullPath(queriesPath), Path.GetFullPath(outPath));
        foreach (var (path, what) in new[] { (bankPath, "问答库"), (queriesPath, "查询文件") })
        {
            if (File.Exists(path) || Directory.Exists(path)) continue;
            output.WriteLine($"{what}不存在：{path}");
            return 1;
        }
        output.WriteLine($"问答库：{bankPath}；查询：{queriesPath}；结果：{outPath}");
        output.WriteLine("数据库：不使用（评测只读问答库文件）；索引：临时目录，评测结束即删除");

        var report = ReadBank(bankPath);
        if (report.Entries.Count == 0)
        {
            output.WriteLine($"问答库为空或无法读取：{bankPath}");
            foreach (var e in report.Errors.Take(20)) output.WriteLine("  " + e);
            return 1;
        }
        if (!report.IsValid) output.WriteLine($"注意：问答库有 {report.Errors.Count} 处错误，已跳过这些行。");

        var queries = ReadQueries(queriesPath);
        var indexFolder = Path.Combine(Path.GetTempPath(), "govassistant-eval-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The options are this command's own (bound for this run); eval always indexes into its temp folder.
            options.IndexPath = indexFolder;
            options.MaxCandidates = Math.Max(10, options.MaxCandidates);
            using var engine = new AnswerEngine(options);
            var build = Stopwatch.StartNew();
            engine.Publish(new BankSnapshot(report.Entries, 1, DateTimeOffset.UtcNow));
            build.Stop();
            output.WriteLine($"索引：{engine.EntryCount} 条，用时 {build.Elapsed.TotalSeconds:F2} 秒");

            // A running service has its code compiled and optimised; the first few hundred questions of a fresh
            // process are not. Warm up on the queries themselves (untimed) so the figures are steady-state latency.
            for (var i = 0; i < Math.Min(3000, queries.Count * 3); i++) engine.Ask(queries[i % queries.Count].Query);
            await using var assist = llm ? await EvalAssist.StartAsync(engine, report.Entries, Path.Combine(indexFolder, "assist"), output) : null;
            var results = new List<EvalResult>(queries.Count);
            var assisted = new List<EvalResult>(queries.Count);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            var baselinePath = Path.ChangeExtension(outPath, null) + ".baseline.jsonl";
            using (var writer = new StreamWriter(llm ? baselinePath : outPath))
            using (var assistedWriter = llm ? new StreamWriter(outPath) : null)
            {
                for (var i = 0; i < queries.Count; i++)
                {
                    var q = queries[i];
                    var sw = Stopwatch.StartNew();
                    var answer = engine.Ask(q.Query);
                    var engineMs = sw.Elapsed.TotalMilliseconds;
                    var result = ResultOf(q, answer, engineMs);
                    results.Add(result);
                    writer.WriteLine(JsonSerializer.Serialize(result, Json));
                    if (assist is null) continue;
                    // The assisted latency is what a citizen waits: the engine's turn plus the model's.
                    var withModel = ResultOf(q, await assist.ImproveAsync(i, q.Query, answer), sw.Elapsed.TotalMilliseconds);
                    assisted.Add(withModel);
                    assistedWriter!.WriteLine(JsonSerializer.Serialize(withModel, Json));
                }
            }
            var summary = EvalSummary.Of(llm ? baselinePath : outPath, results);
            if (assist is not null)
            {
                var withModel = EvalSummary.Of(outPath, assisted);
                output.WriteLine($"无模型：{baselinePath}");
                output.WriteLine($"有模型：{outPath}（{assisted.Zip(results).Count(p => !SameOutcome(p.First, p.Second))} 个问题的结果不同）");
                foreach (var line in EvalAssist.SideBySide(summary, withModel)) output.WriteLine(line);
                output.WriteLine(await assist.UsageAsync());
                output.WriteLine(JsonSerializer.Serialize(summary, Json));
                summary = withModel;
            }
            output.WriteLine(JsonSerializer.Serialize(summary, Json));
            return 0;
        }
        finally
        {
            try { Directory.Delete(indexFolder, recursive: true); } catch (IOException) { }
        }
    }

    // Same decision, entry, candidate order and choices (scores and latency aside).
    private static bool SameOutcome(EvalResult a, EvalResult b) =>
        a.Decision == b.Decision && a.FaqId == b.FaqId && a.Choices.SequenceEqual(b.Choices)
        && a.Candidates.Select(c => c.Id).SequenceEqual(b.Candidates.Select(c => c.Id));

    private static EvalResult ResultOf(EvalQuery q, AnswerResult answer, double ms) => new(
        q.Query, q.Expected, Decision(answer.Decision), answer.Entry?.Id, Math.Round(answer.Confidence, 4),
        answer.Candidates.Take(10).Select(c => new EvalCandidate(c.Id, c.Score)).ToList(),
        answer.Choices.Select(c => c.Id).ToList(), answer.Reason, Math.Round(ms, 3));

    /// <summary>The API spelling of a decision: answered, clarify, noAnswer, smallTalk, humanRequested.</summary>
    public static string Decision(AnswerDecision d) => JsonNamingPolicy.CamelCase.ConvertName(d.ToString());

    private static ImportReport ReadBank(string path) =>
        Directory.Exists(path) ? SeedBankLoader.Load(path) : new BankImporter().ReadFile(path);

    private static List<EvalQuery> ReadQueries(string path)
    {
        var list = new List<EvalQuery>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var q = JsonSerializer.Deserialize<EvalQuery>(line, Json);
            if (q?.Query is not null) list.Add(q);
        }
        return list;
    }


    private sealed record EvalQuery(string Query, string? Expected);
}

/// <summary>One line of the eval output, in the format <c>score.py</c> reads.</summary>
/// <remarks><c>choices</c> are the ids a clarification really offers, so that score.py scores what the citizen sees.</remarks>
internal sealed record EvalResult(
    string Query, string? Expected, string Decision, string? FaqId, double Confidence, IReadOnlyList<EvalCandidate> Candidates,
    IReadOnlyList<string> Choices, string? Reason, double Ms);

/// <summary>A candidate id and score in the eval output.</summary>
internal sealed record EvalCandidate(string Id, double Score);
