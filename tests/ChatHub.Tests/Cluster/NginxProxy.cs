using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using GovAssistant.Tests.Shared;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>
/// Debian's nginx in front of the nodes, with deploy/nginx.conf.template rendered exactly as deploy/run-cluster.sh
/// renders it (its own folder for pid, logs and temporary files, a free loopback port), in the foreground so the
/// test owns the process.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(int port, string folder, Process process)
    {
        Port = port;
        _folder = folder;
        _process = process;
    }

    /// <summary>The port nginx listens on (loopback).</summary>
    public int Port { get; }

    /// <summary>The cluster's public address.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>nginx's error log so far (for failure messages).</summary>
    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    /// <summary>Renders the template for <paramref name="nodePorts"/> into <paramref name="folder"/> and starts nginx.</summary>
    public static async Task<NginxProxy> StartAsync(string folder, IEnumerable<int> nodePorts)
    {
        var binary = new[] { "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("集群测试需要 nginx：apt-get install nginx（.ci/run 会安装）。");
        Directory.CreateDirectory(folder);
        var port = PostgresServer.FreePort();
        var nodes = string.Join(" ", nodePorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;"));
        var template = await File.ReadAllTextAsync(Path.Combine(NginxCluster.RepositoryRoot, "deploy", "nginx.conf.template"));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, template.Replace("@RUN@", folder).Replace("@LISTEN@", $"127.0.0.1:{port}").Replace("@NODES@", nodes),
            new UTF8Encoding(false));

        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", config, "-g", "daemon off;" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var proxy = new NginxProxy(port, folder, process);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx 启动失败：{await stderr}\n{proxy.ErrorLog}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
