using System.Net.Http.Json;
using System.Text.Json;
using GovAssistant.ChatHub.Assist;
using GovAssistant.ChatHub.Storage;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.KnowledgeBase;
using GovAssistant.QaEngine;
using GovAssistant.QaEngine.Answering;
using GovAssistant.QaEngine.Privacy;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>
/// The optional embedding re-rank against the fake model's <c>/v1/embeddings</c>: entry vectors computed on publish in
/// batches and cached in the database across restarts; a clarification's candidates re-ordered by meaning while the
/// engine's decision and confidence stand.
/// </summary>
public sealed class EmbeddingRerankTests : IAsyncLifetime
{
    public const string EmbeddingModel = "fake-embed";
    private FakeModelServer _model = null!;

    public async Task InitializeAsync() => _model = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    /// <summary>Host settings with chat and embeddings models at <paramref name="endpoint"/>.</summary>
    internal static Dictionary<string, string> Settings(string endpoint, double timeoutSeconds = 2, double weight = 0.3, int batch = 32) =>
        new(AssistHost.Settings(endpoint, timeoutSeconds))
        {
            ["Llm:EmbeddingModel"] = EmbeddingModel,
            ["Llm:EmbeddingWeight"] = weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Llm:EmbeddingBatchSize"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>Waits until the host's entry vectors are for the revision its engine answers from.</summary>
    internal static async Task IndexedAsync(IServiceProvider services)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await services.GetRequiredService<EntryEmbeddings>().WhenIndexedAsync(services.GetRequiredService<AnswerEngine>().Revision, deadline.Token);
    }

    [Fact]
    public async Task EntriesAreEmbeddedInBatchesOnPublishCachedInTheDatabaseAndNotRecomputedAfterARestart()
    {
        using var folder = new TempFolder();
        var host = new ConversationHost(folder, Settings(_model.Endpoint, batch: 16)).Start();
        await IndexedAsync(host.Services);
        var engine = host.Services.GetRequiredService<AnswerEngine>();
        var embeddings = host.Services.GetRequiredService<EntryEmbeddings>();
        var batches = _model.EmbeddingInputs;
        Assert.True(batches.Count > 1, $"{batches.Count} batch(es)");
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 16));
        Assert.Equal(engine.EntryCount, batches.Sum(b => b.Count));
        Assert.True(embeddings.IsComplete);
        Assert.Contains(EntryEmbeddings.TextOf(engine.FindEntry("SF-001")!), batches.SelectMany(b => b));
        Assert.Equal(engine.EntryCount, CachedRows(host.Services));
        Assert.All(_model.Requests.Where(r => r.Path.EndsWith("/embeddings")), r => Assert.Contains($"\"model\":\"{EmbeddingModel}\"", r.Body));

        await host.StopAsync();
        host.Start();
        await IndexedAsync(host.Services);
        Assert.Equal(batches.Count, _model.EmbeddingInputs.Count);
        Assert.NotNull(host.Services.GetRequiredService<EntryEmbeddings>().Of("SF-001"));

        // A new revision with one entry edited: only that entry goes to the model; the old text's vector is pruned.
        var index = host.Services.GetRequiredService<EntryEmbeddings>();
        var snapshot = await host.Services.GetRequiredService<IBankStore>().GetSnapshotAsync();
        var edited = snapshot.Entries.Select(e => e.Id == "SF-001" ? e with { SimilarQuestions = ["身份证弄丢了去哪补", .. e.SimilarQuestions] } : e).ToList();
        Assert.Equal(1, await index.IndexAsync(new BankSnapshot(edited, snapshot.Revision + 1, DateTimeOffset.UtcNow)));
        Assert.Contains("身份证弄丢了去哪补", _model.EmbeddingInputs[^1].Single());
        Assert.Equal(engine.EntryCount, CachedRows(host.Services));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task AClarificationOffersTheCandidateClosestInMeaningFirstAndTheEnginesDecisionStands()
    {
        AnswerResult plain;
        string targetQuestion;
        await using (var first = new ConversationHost(settings: Settings(_model.Endpoint)).Start())
        {
            var engine = first.Services.GetRequiredService<AnswerEngine>();
            plain = engine.Ask("护照");
            targetQuestion = engine.FindEntry(plain.Candidates[^1].Id)!.Question;
        }
        Assert.Equal(AnswerDecision.Clarify, plain.Decision);
        var target = plain.Candidates[^1];
        // The question and the engine's last candidate mean the same; everything else points elsewhere.
        _model.Embed = text => text == "护照" || text.StartsWith(targetQuestion, StringComparison.Ordinal) ? [1, 0] : [0, 1];
        await using var host = new ConversationHost(settings: Settings(_model.Endpoint, weight: 0.5)).Start();
        await IndexedAsync(host.Services);

        var answer = await AskAsync(host, "护照");
        Assert.Equal("clarify", answer.GetProperty("decision").GetString());
        Assert.Equal(Math.Round(plain.Confidence, 4), answer.GetProperty("confidence").GetDouble());
        var candidates = answer.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(target.Id, candidates[0]);
        Assert.Equal(plain.Candidates.Select(c => c.Id).Order(), candidates.Order());   // the same entries, only re-ordered
        var choices = answer.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(target.Id, choices[0]);
        Assert.Equal(plain.Choices.Count, choices.Count);
        Assert.Equal("护照", _model.EmbeddingInputs[^1].Single());
    }

    [Fact]
    public async Task AnAnsweredQuestionIsNeitherEmbeddedNorChanged()
    {
        await using var host = new ConversationHost(settings: Settings(_model.Endpoint, weight: 1)).Start();
        await IndexedAsync(host.Services);
        var before = _model.EmbeddingInputs.Count;
        var answer = await AskAsync(host, "身份证丢了怎么补办");
        Assert.Equal("answered", answer.GetProperty("decision").GetString());
        Assert.Equal("SF-001", answer.GetProperty("faqId").GetString());
        Assert.Equal(before, _model.EmbeddingInputs.Count);
    }

    [Fact]
    public async Task AQuestionIsEmbeddedMaskedAndEveryEmbeddingCallIsCountedInTheUsage()
    {
        await using var host = new ConversationHost(settings: Settings(_model.Endpoint)).Start();
        await host.CreateAgentAsync("wang", "王编辑", ["*"], ["agent", "editor", "reviewer", "supervisor"]);
        await IndexedAsync(host.Services);
        await AskAsync(host, "护照 13812345678");
        var question = _model.EmbeddingInputs[^1].Single();
        Assert.DoesNotContain("13812345678", question);
        Assert.Contains(PiiMasker.Mask("13812345678"), question);

        using var wang = await host.SignInAsync("wang");
        var today = (await wang.Http.GetFromJsonAsync<JsonElement>("/api/assist/usage?days=1")).GetProperty("days")[0];
        var chatCalls = _model.Requests.Count(r => r.Path.EndsWith("/chat/completions"));
        Assert.Equal(_model.EmbeddingInputs.Count + chatCalls, today.GetProperty("calls").GetInt64());
        Assert.True(today.GetProperty("promptTokens").GetInt64() >= _model.EmbeddingInputs.Sum(b => b.Sum(t => t.Length)));
    }

    private static long CachedRows(IServiceProvider services)
    {
        using var connection = services.GetRequiredService<SqliteDatabase>().Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM assist_embeddings WHERE model = '{EmbeddingModel}'";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<JsonElement> AskAsync(ConversationHost host, string question)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        var response = await http.PostAsJsonAsync("/api/ask", new { question });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
