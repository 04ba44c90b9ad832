namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// The embeddings model behind the optional re-rank: <see cref="OffEmbeddings"/> unless both <c>Llm:Endpoint</c> and
/// <c>Llm:EmbeddingModel</c> are set, <see cref="OpenAIEmbeddings"/> otherwise. Like <see cref="IAssistModel"/>, a
/// call never throws for the model's sake: off, down, slow or answering garbage yields null.
/// </summary>
public interface IEmbeddingModel
{
    /// <summary>True when an embeddings model is configured.</summary>
    bool IsOn { get; }

    /// <summary>The configured model's name (part of the cache key: another model means other vectors), or null.</summary>
    string? Name { get; }

    /// <summary>
    /// One unit-length vector per text, in order (texts masked on the way out), or null when the call failed or the
    /// answer is unusable (wrong count, mixed or zero dimensions, NaN).
    /// </summary>
    /// <param name="texts">What to embed, at least one.</param>
    /// <param name="purpose">For the usage table: <c>entry-embeddings</c> or <c>question-embedding</c>.</param>
    /// <param name="entryIds">The bank entries the texts are, for the usage table (empty for a question).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<float[]>?> EmbedAsync(IReadOnlyList<string> texts, string purpose, IReadOnlyList<string> entryIds, CancellationToken cancellationToken = default);
}

/// <summary>No embeddings model: every call is answered with null at once, and nothing leaves the process.</summary>
public sealed class OffEmbeddings : IEmbeddingModel
{
    /// <inheritdoc />
    public bool IsOn => false;

    /// <inheritdoc />
    public string? Name => null;

    /// <inheritdoc />
    public Task<IReadOnlyList<float[]>?> EmbedAsync(IReadOnlyList<string> texts, string purpose, IReadOnlyList<string> entryIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<float[]>?>(null);
}
