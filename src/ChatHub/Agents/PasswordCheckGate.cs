using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Lets only a few password checks (PBKDF2, deliberately slow) run at once, so a burst of logins queues here instead
/// of taking every core from the citizens' questions.
/// </summary>
internal sealed class PasswordCheckGate(IOptions<AgentAccountOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Slots(options.Value), Slots(options.Value));

    /// <summary>Runs <paramref name="check"/> when a slot is free; false (without running it) after waiting too long.</summary>
    public async Task<(bool Ran, T? Result)> RunAsync<T>(Func<Task<T>> check, CancellationToken ct)
    {
        if (!await _slots.WaitAsync(options.Value.PasswordCheckWait, ct)) return (false, default);
        try
        {
            return (true, await check());
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private static int Slots(AgentAccountOptions o) =>
        o.MaxConcurrentPasswordChecks > 0 ? o.MaxConcurrentPasswordChecks : Math.Max(1, Environment.ProcessorCount / 2);
}
