using System.Text.Json.Nodes;

namespace GovAssistant.ChatHub.Tests;

/// <summary>The <c>eval</c> verb run as its own process on a small bank and query set written by the test.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly string[] ResultFields = ["query", "expected", "decision", "faqId", "confidence", "candidates", "choices", "reason", "ms"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EvalWritesOneResultLinePerQueryAndPrintsTheSummary()
    {
        var bank = _folder.Write("bank.jsonl", string.Join('\n',
            Entry("T-001", "身份证丢了怎么补办", "携带户口簿到户籍所在地派出所申请补领。", "身份证遗失补办"),
            Entry("T-002", "居住证怎么办理", "到居住地派出所申领居住证。", "外地人办居住证"),
            Entry("T-003", "护照过期了怎么换发", "到出入境管理部门申请换发护照。", "护照到期换新"),
            Entry("T-004", "新生儿怎么落户口", "出生一个月内到派出所申报出生登记。", "宝宝上户口"),
            Entry("T-005", "社保卡丢了怎么挂失", "拨打社保服务热线或到网点挂失。", "社保卡遗失"),
            Entry("T-006", "公积金怎么提取", "符合购房、租房等条件可申请提取。", "住房公积金提取")) + "\n");
        var queries = _folder.Write("queries.jsonl", string.Join('\n',
            """{"query":"身份证丢了怎么补办","expected":"T-001"}""",
            """{"query":"居住证怎么办理","expected":"T-002"}""",
            """{"query":"护照过期了怎么换发","expected":"T-003"}""",
            """{"query":"社保卡丢了怎么挂失","expected":"T-005"}""",
            """{"query":"公积金怎么提取","expected":"T-006"}""",
            """{"query":"今天天气怎么样","expected":null}""") + "\n");
        var results = _folder.File(Path.Combine("out", "results.jsonl"));

        var run = await ChatHubCli.RunAsync(_folder.Path, new Dictionary<string, string>(), "eval", "--bank", bank, "--queries", queries, "--out", results);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = File.ReadAllLines(results).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(6, lines.Count);
        Assert.All(lines, line => Assert.Equal(ResultFields.Order(), line.Select(p => p.Key).Order()));
        Assert.Equal(["T-001", "T-002", "T-003", "T-005", "T-006", null], lines.Select(l => l.Str("expected")));
        Assert.Equal("今天天气怎么样", lines[5].Str("query"));
        Assert.All(lines, line =>
        {
            Assert.Contains(line.Str("decision"), new[] { "answered", "clarify", "noAnswer", "smallTalk", "humanRequested" });
            Assert.InRange(line["confidence"]!.GetValue<double>(), 0, 1);
            Assert.True(line["ms"]!.GetValue<double>() >= 0);
            Assert.All(line["candidates"]!.AsArray(), c => Assert.Equal(["id", "score"], c!.AsObject().Select(p => p.Key)));
        });
        // A query that is an entry's own standard question must rank that entry first.
        Assert.All(lines.Take(5), line => Assert.Equal(line.Str("expected"), line["candidates"]!.AsArray()[0]?["id"]?.GetValue<string>()));

        var summary = JsonNode.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last())!.AsObject();
        Assert.Equal(5, summary["answerable"]!.GetValue<int>());
        Assert.Equal(1, summary["unanswerable"]!.GetValue<int>());
        Assert.Equal(1.0, summary["top1"]!.GetValue<double>());
        Assert.Equal(1.0, summary["recall5"]!.GetValue<double>());
        Assert.Equal(1.0, summary["mrr10"]!.GetValue<double>());
        var answeredRight = lines.Take(5).Count(l => l.Str("decision") == "answered" && l.Str("faqId") == l.Str("expected"));
        Assert.Equal(answeredRight / 5.0, summary["coverage"]!.GetValue<double>(), 4);
        Assert.Equal(lines[5].Str("decision") == "answered" ? 1.0 : 0.0, summary["falseAnswer"]!.GetValue<double>());
        Assert.NotNull(summary["p50Ms"]);
        Assert.NotNull(summary["p99Ms"]);
    }

    [Fact]
    public async Task EvalResolvesTypedPathsAgainstTheCurrentFolder()
    {
        _folder.Write("bank.jsonl", Entry("T-001", "身份证丢了怎么补办", "携带户口簿到户籍所在地派出所申请补领。", "身份证遗失补办") + "\n"
            + Entry("T-002", "居住证怎么办理", "到居住地派出所申领居住证。", "外地人办居住证") + "\n");
        _folder.Write("queries.jsonl", """{"query":"身份证丢了怎么补办","expected":"T-001"}""" + "\n");

        var run = await ChatHubCli.RunAsync(_folder.Path, new Dictionary<string, string>(),
            "eval", "--bank", "bank.jsonl", "--queries", "queries.jsonl", "--out", Path.Combine("out", "r.jsonl"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(File.ReadAllLines(_folder.File(Path.Combine("out", "r.jsonl"))), l => l.Length > 0);
        Assert.Contains($"问答库：{_folder.File("bank.jsonl")}", run.Output);
        Assert.Contains("数据库：不使用", run.Output);
    }

    [Fact]
    public async Task EvalOfAMissingBankNamesTheFullPath()
    {
        var run = await ChatHubCli.RunAsync(_folder.Path, new Dictionary<string, string>(),
            "eval", "--bank", "data/faq/bank", "--queries", "q.jsonl", "--out", "r.jsonl");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"问答库不存在：{_folder.File(Path.Combine("data", "faq", "bank"))}", run.Output);
    }

    [Fact]
    public async Task EvalWithoutItsOptionsPrintsUsageAndFails()
    {
        var run = await ChatHubCli.RunAsync(_folder.Path, new Dictionary<string, string>(), "eval", "--bank", _folder.File("bank.jsonl"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("用法：eval", run.Output);
    }

    private static string Entry(string id, string question, string answer, string similar) =>
        new JsonObject
        {
            ["id"] = id,
            ["question"] = question,
            ["similarQuestions"] = new JsonArray(similar),
            ["answer"] = answer,
            ["status"] = "published",
        }.ToJsonString();
}
