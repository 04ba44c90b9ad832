using System.Diagnostics;
using GovAssistant.QaEngine.Privacy;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// The configured OpenAI-compatible chat model, through Semantic Kernel's OpenAI connector on the resilient
/// <c>llm</c> HttpClient (<see cref="LlmResilience"/>). Every text is masked by <see cref="PiiMasker"/> right here,
/// the one way out to a model, so no feature can forget it. Every call is accounted in <see cref="AssistUsage"/>.
/// </summary>
public sealed class SemanticKernelModel : IAssistModel
{
    /// <summary>Name of the HttpClient carrying the resilience pipeline.</summary>
    public const string HttpClientName = "llm";

    private readonly IChatCompletionService _chat;
    private readonly AssistUsage _usage;
    private readonly ILogger<SemanticKernelModel> _logger;

    /// <summary>Connects to <see cref="LlmOptions.Endpoint"/> with the named HttpClient.</summary>
    public SemanticKernelModel(IOptions<LlmOptions> options, IHttpClientFactory clients, AssistUsage usage, ILoggerFactory loggers)
    {
        var o = options.Value;
        Name = o.ChatModel;
        // The endpoint overload is marked experimental (SKEXP0010) but is the documented way to reach a self-hosted
        // OpenAI-compatible server. With our own HttpClient the connector turns off the OpenAI SDK's retries and timeout: the pipeline owns both.
#pragma warning disable SKEXP0010
        _chat = new OpenAIChatCompletionService(o.ChatModel, new Uri(o.Endpoint!.TrimEnd('/') + "/"),
            string.IsNullOrEmpty(o.ApiKey) ? "none" : o.ApiKey, null, clients.CreateClient(HttpClientName), loggers);
#pragma warning restore SKEXP0010
        _usage = usage;
        _logger = loggers.CreateLogger<SemanticKernelModel>();
    }

    /// <inheritdoc />
    public bool IsOn => true;

    /// <inheritdoc />
    public string? Name { get; }

    /// <inheritdoc />
    public async Task<string?> CompleteAsync(RenderedPrompt prompt, CancellationToken cancellationToken = default)
    {
        var history = new ChatHistory();
        history.AddSystemMessage(PiiMasker.Mask(prompt.System));
        history.AddUserMessage(PiiMasker.Mask(prompt.User));
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0.2, MaxTokens = 800 };
        if (prompt.Json) settings.ResponseFormat = "json_object";
        var clock = Stopwatch.StartNew();
        var outcome = "ok";
        int input = 0, output = 0;
        try
        {
            var reply = await _chat.GetChatMessageContentAsync(history, settings, cancellationToken: cancellationToken);
            if (reply.Metadata?.TryGetValue("Usage", out var u) == true && u is OpenAI.Chat.ChatTokenUsage usage)
                (input, output) = (usage.InputTokenCount, usage.OutputTokenCount);
            var text = reply.Content?.Trim();
            if (string.IsNullOrEmpty(text)) outcome = "empty";
            return string.IsNullOrEmpty(text) ? null : text;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = Classify(e);
            _logger.LogWarning("Model call {Prompt} failed: {Outcome} ({Error})", prompt.Name, outcome, e.GetType().Name);
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
            _usage.Record(new AssistCall(prompt.Name, prompt.Version, outcome, Math.Round(clock.Elapsed.TotalMilliseconds, 1), input, output, string.Join(',', prompt.EntryIds)));
        }
    }

    /// <summary>Sorts a failed call into open (circuit open), timeout or failed.</summary>
    public static string Classify(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is BrokenCircuitException) return "open";
            if (x is TimeoutRejectedException or OperationCanceledException) return "timeout";
        }
        return "failed";
    }
}
