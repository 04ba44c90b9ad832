using System.Diagnostics;
using System.Text;
using GovAssistant.Tests.Shared;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>
/// One service node as deploy/run-cluster.sh starts it: the built program (<c>dotnet GovAssistant.ChatHub.dll</c>) in
/// its own process on a free loopback port, configured by environment variables only. <see cref="Kill"/> is kill -9.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    /// <summary>A name for messages (<c>A</c>, <c>B</c>).</summary>
    public string Name { get; }

    /// <summary>The loopback port the node listens on.</summary>
    public int Port { get; }

    /// <summary>The node's own address, bypassing the proxy.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>What the node printed so far (for failure messages).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the node and waits until <c>/healthz/ready</c> answers 200 (seed loaded, index built).</summary>
    public static async Task<NodeProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var port = PostgresServer.FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        // Nothing from the test runner's environment may steer the node (a developer's ConnectionStrings__…).
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var node = new NodeProcess(name, port, Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        await node.WaitUntilReadyAsync();
        return node;
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> would: no graceful close of its connections.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        // Start-up loads the seed bank and builds the index: on a shared 2-core machine that can take a while.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"节点 {Name} 启动失败（退出码 {_process.ExitCode}）：\n{Output}");
            try
            {
                using var response = await http.GetAsync("/healthz/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"节点 {Name} 在 180 秒内没有就绪：\n{Output}");
            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
