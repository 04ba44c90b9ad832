using System.Net;
using GovAssistant.ChatHub.Assist;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GovAssistant.ChatHub.Tests.Assist;

/// <summary>
/// The resilience pipeline the model's HttpClient carries (<see cref="LlmResilience"/>), over real HTTP to the fake
/// model, on a <see cref="FakeTimeProvider"/>: time only moves when the test moves it.
/// </summary>
public sealed class ModelResilienceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private FakeModelServer _model = null!;

    public async Task InitializeAsync() => _model = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task TheCircuitOpensAfterRepeatedFailuresRefusesWithoutCallingAndClosesAfterTheBreak()
    {
        using var http = Client(new LlmOptions { MaxRetries = 0, BreakerMinimumCalls = 4, BreakDuration = TimeSpan.FromSeconds(30) });
        _model.Responder = _ => new FakeReply.Status(500);
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.InternalServerError, (await PostAsync(http)).StatusCode);
        Assert.Equal(4, _model.Requests.Count);

        // Open: refused at once, and the model does not hear of it.
        await Assert.ThrowsAsync<BrokenCircuitException>(() => PostAsync(http));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => PostAsync(http));
        Assert.Equal(4, _model.Requests.Count);

        // The model recovers; after the break one call goes through and closes the circuit again.
        _model.Responder = _ => new FakeReply.Text("好的。");
        _time.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => PostAsync(http));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http)).StatusCode);
        Assert.Equal(6, _model.Requests.Count);
    }

    [Fact]
    public async Task A429AndA500AreRetriedUntilTheModelAnswers()
    {
        using var http = Client(new LlmOptions { MaxRetries = 2, RetryDelay = TimeSpan.Zero });
        _model.Enqueue(new FakeReply.Status(429), new FakeReply.Status(500), new FakeReply.Text("好的。"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http)).StatusCode);
        Assert.Equal(3, _model.Requests.Count);
    }

    [Fact]
    public async Task ABadRequestIsNotRetried()
    {
        using var http = Client(new LlmOptions { MaxRetries = 2, RetryDelay = TimeSpan.Zero });
        _model.Enqueue(new FakeReply.Status(400));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http)).StatusCode);
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task AModelThatNeverAnswersIsAbandonedWhenTheTimeoutElapses()
    {
        using var http = Client(new LlmOptions { MaxRetries = 0, TimeoutSeconds = 5 });
        _model.Responder = _ => new FakeReply.Hang();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _model.Received += _ => arrived.TrySetResult();
        var call = PostAsync(http);
        await arrived.Task;
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
    }

    private HttpClient Client(LlmOptions options)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        LlmResilience.Configure(pipeline, options);
        return new HttpClient(new ResilienceHandler(pipeline.Build()) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = new Uri(_model.Endpoint + "/"),
        };
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient http) =>
        http.PostAsync("chat/completions", new StringContent("""{"model":"fake","messages":[{"role":"user","content":"你好"}]}""", System.Text.Encoding.UTF8, "application/json"));
}
