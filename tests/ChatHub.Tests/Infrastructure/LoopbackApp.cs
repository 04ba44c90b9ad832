using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace GovAssistant.ChatHub.Tests.Infrastructure;

/// <summary>
/// The real ChatHub host on Kestrel at a free loopback port, with its database (<c>bank.db</c>) and Lucene index
/// (<c>index/</c>) in <paramref name="folder"/>. Every test host of this project is one of these.
/// </summary>
public sealed class LoopbackApp : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TimeProvider? _clock;
    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="clock">The host's clock (a FakeTimeProvider for tests of waits); the system clock when null.</param>
    /// <param name="configure">Extra set-up of the host, such as a logger provider that records what the service logs.</param>
    public LoopbackApp(string folder, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null, Action<IWebHostBuilder>? configure = null)
    {
        _folder = folder;
        _clock = clock;
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

    /// <summary>Rate limits and login throttling high enough never to get in the way of a functional test.</summary>
    public static readonly IReadOnlyDictionary<string, string> TestLimits = new Dictionary<string, string>
    {
        ["RateLimits:Ask:Burst"] = "1000000",
        ["RateLimits:HubCalls:Burst"] = "1000000",
        ["RateLimits:StaffHubCalls:Burst"] = "1000000",
        ["RateLimits:DirectLine:Burst"] = "1000000",
        ["RateLimits:WeChat:Burst"] = "1000000",
        ["Agents:FailedLoginsPerAddress"] = "1000000",
        ["Agents:FailedLoginsPerAccount"] = "1000000",
        // A delay no test run outlasts, so "the next attempt waits" never depends on how fast the machine is.
        ["Agents:FirstLoginDelay"] = "00:05:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: the factory hands these to Program as command-line arguments,
        // visible while Program composes the host (StoragePaths reads the database path right then).
        builder.UseSetting("KnowledgeBase:DatabasePath", Path.Combine(_folder, "bank.db"));
        builder.UseSetting("QaEngine:IndexPath", Path.Combine(_folder, "index"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in with the configured first-admin password and the passwords they give new accounts; the forced
        // change at first sign-in (on by default) is proven by PasswordChangeTests, which turn it back on.
        builder.UseSetting("Agents:RequirePasswordChange", "false");
        // Every test client is 127.0.0.1 and many tests ask hundreds of questions: per-client limits far out of the
        // way, unless a test sets its own (the limit tests do). The defaults in code stay what production gets.
        foreach (var (key, value) in TestLimits) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        _configure?.Invoke(builder);
    }
}
