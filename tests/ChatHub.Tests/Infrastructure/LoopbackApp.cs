using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovAssistant.ChatHub.Tests.Infrastructure;

/// <summary>
/// The real ChatHub host on Kestrel at a free loopback port, with its database (<c>bank.db</c>) and Lucene index
/// (<c>index/</c>) in <paramref name="folder"/>. Every test host of this project is one of these.
/// </summary>
public sealed class LoopbackApp : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="configure">Extra set-up of the host, such as a logger provider that records what the service logs.</param>
    public LoopbackApp(string folder, IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        _folder = folder;
        _settings = settings ?? new Dictionary<string, string>();
        _configure = configure;
        // Port 0: the OS picks a free port, so test classes can run in parallel.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server (seed load and index build included) and returns its address.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: the factory hands these to Program as command-line arguments,
        // visible while Program composes the host (StoragePaths reads the database path right then).
        builder.UseSetting("KnowledgeBase:DatabasePath", Path.Combine(_folder, "bank.db"));
        builder.UseSetting("QaEngine:IndexPath", Path.Combine(_folder, "index"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        _configure?.Invoke(builder);
    }
}
