using System.Text.Json.Nodes;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary><c>eval --llm</c>, run as its own process against the fake model named in its environment.</summary>
public sealed class EvalWithModelTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private FakeModelServer _model = null!;

    public async Task InitializeAsync() => _model = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EvalWithLlmButNoEndpointRefusesInChineseAndWritesNothing()
    {
        var (bank, queries) = WriteBankAndQueries();
        var run = await ChatHubCli.RunAsync(_folder.Path, new Dictionary<string, string> { ["Llm__ChatModel"] = "qwen" },
            "eval", "--bank", bank, "--queries", queries, "--out", "r.jsonl", "--llm");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("eval --llm 需要一个模型服务", run.Output);
        Assert.Contains("Llm__Endpoint", run.Output);
        Assert.False(File.Exists(_folder.File("r.jsonl")));
        Assert.Empty(_model.Requests);
    }

    [Fact]
    public async Task EvalWithLlmRewritesAndReranksThroughTheEndpointAndPrintsBothRunsSideBySide()
    {
        var (bank, queries) = WriteBankAndQueries();
        _model.Responder = r => r.System.Contains("提炼")
            ? new FakeReply.Text("""{"question":"身份证丢了怎么补办","need":"补办","object":"身份证","region":"","questions":[]}""")
            : new FakeReply.Text("好的。");
        var environment = new Dictionary<string, string>
        {
            ["Llm__Endpoint"] = _model.Endpoint,
            ["Llm__ChatModel"] = AssistHost.ModelName,
            ["Llm__EmbeddingModel"] = EmbeddingRerankTests.EmbeddingModel,
            // A fresh process's first model call includes loading and compiling the connector; on a busy machine that
            // can outlast the default 5 s, and this test is about what eval does with the answers, not about timeouts.
            ["Llm__TimeoutSeconds"] = "60",
        };

        var run = await ChatHubCli.RunAsync(_folder.Path, environment, "eval", "--bank", bank, "--queries", queries, "--out", "r.jsonl", "--llm");

        Assert.True(run.ExitCode == 0, run.ToString());
        var assisted = Lines("r.jsonl");
        var baseline = Lines("r.baseline.jsonl");
        Assert.Equal(3, assisted.Count);
        Assert.Equal(3, baseline.Count);
        // The rambling message: unsure without the model, answered with the entry of its rewritten core question.
        Assert.NotEqual("answered", baseline[0].Str("decision"));
        Assert.Equal("answered", assisted[0].Str("decision"));
        Assert.Equal("T-001", assisted[0].Str("faqId"));
        // A question the engine answers alone is answered the same with the model.
        // Everything but the time it took ("ms" is removed as a property: as text, a time of 1 would match every "1").
        baseline[1].Remove("ms");
        assisted[1].Remove("ms");
        Assert.Equal(baseline[1].ToJsonString(), assisted[1].ToJsonString());

        Assert.Contains(_model.Requests, r => r.System.Contains("提炼") && r.User.Contains("钱包不见了"));
        Assert.Equal(6, _model.EmbeddingInputs[0].Count);   // the bank's entries, in one batch
        Assert.Contains("无模型", run.Output);
        Assert.Matches(@"coverage\s+0\.\d{4}\s+1\.0000", run.Output);
        Assert.Contains("模型调用：", run.Output);
        var summary = JsonNode.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last())!.AsObject();
        Assert.Equal(_folder.File("r.jsonl"), summary["file"]!.GetValue<string>());
        Assert.Equal(1.0, summary["coverage"]!.GetValue<double>());
    }

    private List<JsonObject> Lines(string name) =>
        File.ReadAllLines(_folder.File(name)).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    private (string Bank, string Queries) WriteBankAndQueries()
    {
        var bank = _folder.Write("bank.jsonl", string.Join('\n',
            Entry("T-001", "身份证丢了怎么补办", "携带户口簿到户籍所在地派出所申请补领。", "身份证遗失补办"),
            Entry("T-002", "居住证怎么办理", "到居住地派出所申领居住证。", "外地人办居住证"),
            Entry("T-003", "护照过期了怎么换发", "到出入境管理部门申请换发护照。", "护照到期换新"),
            Entry("T-004", "新生儿怎么落户口", "出生一个月内到派出所申报出生登记。", "宝宝上户口"),
            Entry("T-005", "社保卡丢了怎么挂失", "拨打社保服务热线或到网点挂失。", "社保卡遗失"),
            Entry("T-006", "公积金怎么提取", "符合购房、租房等条件可申请提取。", "住房公积金提取")) + "\n");
        var queries = _folder.Write("queries.jsonl", string.Join('\n',
            new JsonObject { ["query"] = QuestionRewriteTests.Rambling, ["expected"] = "T-001" }.ToJsonString(),
            """{"query":"公积金怎么提取","expected":"T-006"}""",
            """{"query":"今天天气怎么样","expected":null}""") + "\n");
        return (bank, queries);
    }

    private static string Entry(string id, string question, string answer, string similar) =>
        new JsonObject
        {
            ["id"] = id, ["question"] = question, ["similarQuestions"] = new JsonArray(similar), ["answer"] = answer, ["status"] = "published",
        }.ToJsonString();
}
