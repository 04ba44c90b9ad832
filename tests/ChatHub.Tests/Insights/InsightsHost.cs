using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Agents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.Insights;

/// <summary>
/// The real host on a loopback port whose clock is a <see cref="FakeTimeProvider"/> (so a history can be played at
/// known times) and whose only log sink is <see cref="Logs"/>, capturing every category at Trace level.
/// </summary>
public sealed class InsightsHost : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Qz7-Ministry-Desk!";
    public const string StaffPassword = "Hj3#Rivers-Quay";
    private readonly IReadOnlyDictionary<string, string> _settings;

    public InsightsHost(DateTimeOffset start, IReadOnlyDictionary<string, string>? settings = null)
    {
        Clock = new FakeTimeProvider(start);
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public FakeTimeProvider Clock { get; }

    public CapturedLogs Logs { get; } = new();

    public TempFolder Folder { get; } = new();

    public Uri Address { get; private set; } = null!;

    public InsightsHost Start()
    {
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return this;
    }

    /// <summary>Creates a staff account through the admin API and returns a client signed in as it.</summary>
    public async Task<HttpClient> StaffAsync(string id, string name, params string[] roles)
    {
        using (var admin = await SignInAsync("admin", AdminPassword))
        {
            var created = await admin.PostAsJsonAsync("/api/admin/agents",
                new { id, name, password = StaffPassword, departments = new[] { "*" }, roles });
            created.EnsureSuccessStatusCode();
        }
        return await SignInAsync(id, StaffPassword);
    }

    public async Task<HttpClient> SignInAsync(string id, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Address };
        (await http.PostAsJsonAsync("/api/agents/login", new { username = id, password })).EnsureSuccessStatusCode();
        return http;
    }

    /// <summary>An agent as the service sees one, online (as if connected to the agent hub).</summary>
    public AgentProfile OnlineAgent(string id, string name)
    {
        var agent = new AgentProfile(id, name, ["*"], [AgentRoles.Agent], 5);
        Services.GetRequiredService<AgentPresence>().Connect(agent, "test-connection-" + id);
        return agent;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("KnowledgeBase:DatabasePath", Folder.File("bank.db"));
        builder.UseSetting("QaEngine:IndexPath", Folder.File("index"));
        builder.UseSetting("Agents:AdminPassword", AdminPassword);
        // The forced first-sign-in password change is proven by PasswordChangeTests; these tests sign in with known passwords.
        builder.UseSetting("Agents:RequirePasswordChange", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Folder.Dispose();
    }
}

/// <summary>Every log line the host writes (formatted message and exception), of any category and level.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
