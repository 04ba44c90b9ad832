namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// The OpenAI-compatible model endpoint (vLLM, Xinference, Ollama … on the government's own network), bound from
/// the <c>Llm</c> section. An empty <see cref="Endpoint"/> (the default) switches assistance off: no request leaves
/// the process and the service behaves exactly as without it. <see cref="ApiKey"/> comes from the environment only
/// (<c>Llm__ApiKey</c>).
/// </summary>
public sealed class LlmOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Llm";

    /// <summary>Base address up to the API version, e.g. <c>http://10.0.0.5:8000/v1</c>; empty = off.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Chat model name as the server knows it (e.g. <c>qwen2.5-14b-instruct</c>).</summary>
    public string ChatModel { get; set; } = "qwen";

    /// <summary>
    /// Embeddings model name (served at <c>…/embeddings</c> of the same endpoint); empty = no embedding re-rank.
    /// </summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>
    /// Share of the cosine similarity in a candidate's blended score (<c>(1 − w) · engine score + w · cosine</c>);
    /// only the order of candidates the engine retrieved changes, never its decision.
    /// </summary>
    public double EmbeddingWeight { get; set; } = 0.3;

    /// <summary>Entries embedded per request when a bank revision is indexed.</summary>
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>Bearer key for the endpoint, from the environment only; local servers often need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest a model call may take, retries included, before the service goes on without it.</summary>
    public double TimeoutSeconds { get; set; } = 5;

    /// <summary>Retries after a 429, a 5xx or a network error (with exponential back-off from <see cref="RetryDelay"/>).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; doubled each time (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Calls within the sampling window before the circuit breaker may open.</summary>
    public int BreakerMinimumCalls { get; set; } = 4;

    /// <summary>How long an open circuit refuses calls before letting one through to test the model.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A message this long (characters) counts as hard and is offered to the rewriter whatever its confidence.</summary>
    public int LongQuestionChars { get; set; } = 40;

    /// <summary>True when an endpoint is configured.</summary>
    public bool IsOn => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>True when an endpoint and an embeddings model are configured.</summary>
    public bool EmbeddingsOn => IsOn && !string.IsNullOrWhiteSpace(EmbeddingModel);
}
