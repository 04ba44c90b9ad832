namespace GovAssistant.ChatHub.Assist;

/// <summary>
/// The language model behind assistance: <see cref="OffModel"/> when no endpoint is configured,
/// <see cref="SemanticKernelModel"/> otherwise. A call never throws for the model's sake: a model that is off, down,
/// slow, open-circuited or answering garbage yields null and every caller goes on as if there were no model.
/// </summary>
public interface IAssistModel
{
    /// <summary>True when a model is configured.</summary>
    bool IsOn { get; }

    /// <summary>The configured chat model's name (for draft authors), or null when off.</summary>
    string? Name { get; }

    /// <summary>Sends <paramref name="prompt"/> (masked on the way out) and returns the model's text, or null.</summary>
    Task<string?> CompleteAsync(RenderedPrompt prompt, CancellationToken cancellationToken = default);
}

/// <summary>No model: every call is answered with null at once, and nothing leaves the process.</summary>
public sealed class OffModel : IAssistModel
{
    /// <inheritdoc />
    public bool IsOn => false;

    /// <inheritdoc />
    public string? Name => null;

    /// <inheritdoc />
    public Task<string?> CompleteAsync(RenderedPrompt prompt, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
