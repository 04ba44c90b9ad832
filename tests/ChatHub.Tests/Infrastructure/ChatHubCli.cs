using System.Diagnostics;
using System.Text;

namespace GovAssistant.ChatHub.Tests.Infrastructure;

/// <summary>What a run of the ChatHub command line produced.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}

/// <summary>
/// Runs the built ChatHub program (<c>dotnet GovAssistant.ChatHub.dll verb …</c>) as a child process, as an operator
/// would: its own process, its own console, configuration from environment variables only.
/// </summary>
public static class ChatHubCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Nothing from the test runner's environment may steer the program somewhere else.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("KnowledgeBase__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("QaEngine__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Seed__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Llm__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ChatHub {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }
        return new CliRun(process.ExitCode, await output, await errors);
    }
}
