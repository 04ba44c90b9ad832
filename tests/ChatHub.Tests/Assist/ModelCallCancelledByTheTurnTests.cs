using GovAssistant.ChatHub.Assist;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>
/// A turn's budget and the model pipeline's total timeout have the same length, so a call to a hanging model can fail
/// with the pipeline's timeout at the moment the turn gives up. The caller must see that as its own cancellation (which
/// it handles by keeping the engine's decision), never as another exception that would end the request with a 500.
/// </summary>
public sealed class ModelCallCancelledByTheTurnTests
{
    private static readonly IOptions<LlmOptions> Options = Microsoft.Extensions.Options.Options.Create(
        new LlmOptions { Endpoint = "http://127.0.0.1:9/v1", ChatModel = "chat", EmbeddingModel = "embed", TimeoutSeconds = 5 });

    [Fact]
    public async Task AChatCallThatTimesOutAsTheTurnGivesUpIsTheTurnsCancellation()
    {
        using var turn = new CancellationTokenSource();
        await using var usage = new NoUsage();
        var model = new SemanticKernelModel(Options, new Clients(new TimesOutAsTheTurnGivesUp(turn)), usage, NullLoggerFactory.Instance);
        var prompt = new RenderedPrompt("rewrite-question", "1", "system", "user", [], Json: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.CompleteAsync(prompt, turn.Token));
    }

    [Fact]
    public async Task AnEmbeddingsCallThatTimesOutAsTheTurnGivesUpIsTheTurnsCancellation()
    {
        using var turn = new CancellationTokenSource();
        await using var usage = new NoUsage();
        var model = new OpenAIEmbeddings(Options, new Clients(new TimesOutAsTheTurnGivesUp(turn)), usage, NullLogger<OpenAIEmbeddings>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.EmbedAsync(["居住证怎么办"], "question", [], turn.Token));
    }

    [Fact]
    public async Task AChatCallThatFailsWhileTheTurnGoesOnIsTheModelsFailure()
    {
        // The same failure with the turn still waiting: no answer from the model, and no exception.
        using var turn = new CancellationTokenSource();
        await using var usage = new NoUsage();
        var model = new SemanticKernelModel(Options, new Clients(new TimesOut()), usage, NullLoggerFactory.Instance);
        var prompt = new RenderedPrompt("rewrite-question", "1", "system", "user", [], Json: true);

        Assert.Null(await model.CompleteAsync(prompt, turn.Token));
    }

    // The pipeline's total timeout firing at the instant the caller's budget runs out.
    private sealed class TimesOutAsTheTurnGivesUp(CancellationTokenSource turn) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            turn.Cancel();
            throw new TimeoutRejectedException("llm-total");
        }
    }

    private sealed class TimesOut : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new TimeoutRejectedException("llm-total");
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class NoUsage() : AssistUsage(TimeProvider.System, NullLogger.Instance)
    {
        protected override Task WriteAsync(IReadOnlyList<(DateTimeOffset At, AssistCall Call)> batch) => Task.CompletedTask;

        protected override Task<IEnumerable<DayRow>> SelectDailyAsync(DateOnly since, CancellationToken ct) => Task.FromResult(Enumerable.Empty<DayRow>());
    }
}
