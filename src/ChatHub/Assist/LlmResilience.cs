using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// What stands between the service and a model endpoint, outermost first: a total timeout (retries included, so a
/// citizen never waits more than <see cref="LlmOptions.TimeoutSeconds"/> for help that is only a bonus), retries with
/// exponential back-off on 429, 5xx and network errors (honouring <c>Retry-After</c>), and a circuit breaker that
/// stops calling a model that keeps failing and tries again after <see cref="LlmOptions.BreakDuration"/>.
/// </summary>
public static class LlmResilience
{
    /// <summary>Adds the strategies to <paramref name="pipeline"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, LlmOptions options)
    {
        var total = TimeSpan.FromSeconds(options.TimeoutSeconds);
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "llm-total", Timeout = total });
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "llm-retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = true,
                // 429, 408, 5xx, network errors and attempt timeouts; a 400 will not improve by asking again.
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "llm-breaker",
            FailureRatio = 0.5,
            MinimumThroughput = Math.Max(2, options.BreakerMinimumCalls),
            SamplingDuration = TimeSpan.FromSeconds(30),
            // Polly's floor for a break.
            BreakDuration = options.BreakDuration < TimeSpan.FromMilliseconds(500) ? TimeSpan.FromMilliseconds(500) : options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException or OperationCanceledException or IOException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout }
        || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };
}
