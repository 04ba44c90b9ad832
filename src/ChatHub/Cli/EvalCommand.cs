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
/// (computed exactly as <c>shared/eval/score.py</c> computes them).
/// </summary>
internal static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static int Run(CommandLine args, QaEngineOptions options, TextWriter output)
    {
        if (args.Option("bank") is not { } bankPath || args.Option("queries") is not { } queriesPath || args.Option("out") is not { } outPath)
        {
            output.WriteLine("用法：eval --bank <文件或目录> --queries <queries.jsonl> --out <results.jsonl>");
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
            var results = new List<EvalResult>(queries.Count);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            using (var writer = new StreamWriter(outPath))
            {
                foreach (var q in queries)
                {
                    var sw = Stopwatch.StartNew();
                    var answer = engine.Ask(q.Query);
                    sw.Stop();
                    var result = new EvalResult(
                        q.Query, q.Expected, Decision(answer.Decision), answer.Entry?.Id, Math.Round(answer.Confidence, 4),
                        answer.Candidates.Take(10).Select(c => new EvalCandidate(c.Id, c.Score)).ToList(),
                        answer.Choices.Select(c => c.Id).ToList(), answer.Reason,
                        Math.Round(sw.Elapsed.TotalMilliseconds, 3));
                    results.Add(result);
                    writer.WriteLine(JsonSerializer.Serialize(result, Json));
                }
            }
            output.WriteLine(JsonSerializer.Serialize(EvalSummary.Of(outPath, results), Json));
            return 0;
        }
        finally
        {
            try { Directory.Delete(indexFolder, recursive: true); } catch (IOException) { }
        }
    }

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
