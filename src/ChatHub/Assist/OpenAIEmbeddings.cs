using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using GovAssistant.QaEngine.Privacy;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Embeddings;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// The configured OpenAI-compatible embeddings model (<c>POST …/embeddings</c>), through the OpenAI SDK client that
/// Semantic Kernel's connector is built on, on its own resilient HttpClient (<c>llm-embeddings</c>: same timeout, retry
/// and breaker as the chat model, but a breaker of its own, so a failing embeddings server does not silence the chat
/// model). Texts are masked by <see cref="PiiMasker"/> here, the one way out; every call is accounted in <see cref="AssistUsage"/>.
/// </summary>
public sealed class OpenAIEmbeddings : IEmbeddingModel
{
    /// <summary>Name of the HttpClient carrying the resilience pipeline.</summary>
    public const string HttpClientName = "llm-embeddings";

    /// <summary>Version recorded with the calls (the text layout of <see cref="EntryEmbeddings.TextOf"/>).</summary>
    public const string Version = "1";

    private readonly EmbeddingClient _client;
    private readonly AssistUsage _usage;
    private readonly ILogger<OpenAIEmbeddings> _logger;

    /// <summary>Connects to <see cref="LlmOptions.Endpoint"/> for <see cref="LlmOptions.EmbeddingModel"/>.</summary>
    public OpenAIEmbeddings(IOptions<LlmOptions> options, IHttpClientFactory clients, AssistUsage usage, ILogger<OpenAIEmbeddings> logger)
    {
        var o = options.Value;
        Name = o.EmbeddingModel!;
        // The pipeline owns retries and the timeout (as Semantic Kernel does for chat): the SDK's own are switched off.
        _client = new EmbeddingClient(Name, new ApiKeyCredential(string.IsNullOrEmpty(o.ApiKey) ? "none" : o.ApiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(o.Endpoint!.TrimEnd('/') + "/"),
            Transport = new HttpClientPipelineTransport(clients.CreateClient(HttpClientName)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        });
        _usage = usage;
        _logger = logger;
    }

    /// <inheritdoc />
    public bool IsOn => true;

    /// <inheritdoc />
    public string? Name { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<float[]>?> EmbedAsync(IReadOnlyList<string> texts, string purpose, IReadOnlyList<string> entryIds, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var outcome = "ok";
        var tokens = 0;
        try
        {
            var result = await _client.GenerateEmbeddingsAsync(texts.Select(PiiMasker.Mask), cancellationToken: cancellationToken);
            tokens = result.Value.Usage?.InputTokenCount ?? 0;
            var vectors = Vectors.Usable(result.Value.OrderBy(e => e.Index).Select(e => e.ToFloats().ToArray()).ToList(), texts.Count);
            if (vectors is null) outcome = "garbage";
            return vectors;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = SemanticKernelModel.Classify(e);
            _logger.LogWarning("Embeddings call {Purpose} failed: {Outcome} ({Error})", purpose, outcome, e.GetType().Name);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The caller's token was cancelled while the call failed otherwise: the pipeline's total timeout (the same
            // length as a turn's budget) or the connector's wrapping of it can win the race. It is the caller giving up.
            outcome = "cancelled";
            throw new OperationCanceledException("The caller cancelled the model call.", e, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up (its turn's budget ran out, or the request was aborted): not the model's failure, but not ok either.
            outcome = "cancelled";
            throw;
        }
        finally
        {
            _usage.Record(new AssistCall(purpose, Version, outcome, Math.Round(clock.Elapsed.TotalMilliseconds, 1), tokens, 0, string.Join(',', entryIds)));
        }
    }
}
