using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>
/// With the model failing in every way we know — errors, rate limits, a broken body, garbage, refusals, silence —
/// every question gets exactly the answer it gets with no model at all (compared field by field). The embeddings
/// model is configured too: the entries are embedded while it works, then it fails the same way, so every clarification
/// tries the re-rank and must fall back to the engine's own order.
/// </summary>
public sealed class ModelDownTests(ModelDownTests.AnswersWithoutModel off, ITestOutputHelper output) : IClassFixture<ModelDownTests.AnswersWithoutModel>
{
    public static TheoryData<string> Failures => ["500", "429", "malformed", "garbage", "refusal", "hang"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task EveryQuestionGetsTheAnswerItGetsWithTheModelOff(string failure)
    {
        await using var model = await FakeModelServer.StartAsync();
        model.Responder = failure switch
        {
            "500" => _ => new FakeReply.Status(500),
            "429" => _ => new FakeReply.Status(429),
            "malformed" => _ => new FakeReply.Malformed(),
            "garbage" => _ => new FakeReply.Text("��@@## {\"question\": [1,2"),
            "refusal" => _ => new FakeReply.Refusal("抱歉，我无法回答。"),
            _ => _ => new FakeReply.Hang(),
        };
        using var folder = new TempFolder();
        await using var app = new LoopbackApp(folder.Path, EmbeddingRerankTests.Settings(model.Endpoint, timeoutSeconds: 0.5));
        using var http = new HttpClient { BaseAddress = app.Start() };
        await EmbeddingRerankTests.IndexedAsync(app.Services);
        var embeddedEntries = model.EmbeddingInputs.Count;
        // Garbage for embeddings: vectors of differing dimensions.
        var embeddingFailure = failure == "garbage" ? null : model.Responder(new FakeRequest("", "", "", "", false));
        model.EmbeddingResponder = _ => embeddingFailure ?? new FakeReply.Text("");
        if (embeddingFailure is null) model.Embed = text => new float[1 + text.Length % 3];
        // One hard question first, so start-up costs (JIT, the connector's first request) stay out of the figures.
        await AnswersWithoutModel.AskAsync(http, QuestionRewriteTests.Rambling);

        var slowest = TimeSpan.Zero;
        var same = 0;
        foreach (var (question, expected) in off.Answers)
        {
            var clock = Stopwatch.StartNew();
            var actual = await AnswersWithoutModel.AskAsync(http, question);
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            Assert.Equal(expected, actual);
            same++;
        }
        // The model was asked (the hard questions went to it, the clarifications' questions to the embeddings model) and failed every time.
        Assert.NotEmpty(model.Requests);
        Assert.True(model.EmbeddingInputs.Count > embeddedEntries, "no question was embedded");
        output.WriteLine($"{failure}: {same} of {off.Answers.Count} answers identical; model asked {model.Requests.Count} times " +
            $"({model.EmbeddingInputs.Count - embeddedEntries} question embeddings); slowest {slowest.TotalMilliseconds:F0} ms");
    }

    /// <summary>The development questions (every fourth, plus long rambling ones) as a host without a model answers them.</summary>
    public sealed class AnswersWithoutModel : IAsyncLifetime
    {
        private readonly ChatHubHost _host = new();

        public List<(string Question, string Answer)> Answers { get; } = [];

        public async Task InitializeAsync()
        {
            await _host.InitializeAsync();
            var questions = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "dev-queries.jsonl"))
                .Where(l => l.Trim().Length > 0)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("query").GetString()!)
                .Where((_, i) => i % 4 == 0)
                .Append(QuestionRewriteTests.Rambling)
                .Append("您好我想问一下就是我们家老人年纪大了行动不方便然后他的那个社保卡好像过期了还是坏了反正刷不了了这个要怎么弄")
                .ToList();
            foreach (var q in questions) Answers.Add((q, await AskAsync(_host.Client, q)));
        }

        public Task DisposeAsync() => _host.DisposeAsync();

        /// <summary>The ask API's answer without the conversation id (new for every call), as comparable text.</summary>
        public static async Task<string> AskAsync(HttpClient http, string question)
        {
            var response = await http.PostAsJsonAsync("/api/ask", new { question });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var fields = new[] { "decision", "answer", "faqId", "confidence", "candidates", "choices", "reply", "reason", "usedContext" };
            return string.Join("|", fields.Select(f => body.GetProperty(f).GetRawText()));
        }
    }
}
