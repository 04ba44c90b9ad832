using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Infrastructure;

namespace GovAssistant.ChatHub.Tests.Conversations;

/// <summary>
/// The real host on a loopback port with its own data folder and a known admin password, plus helpers to create
/// staff accounts, sign them in and connect visitors and agents over real SignalR connections. Can be stopped
/// and started again on the same folder to prove that conversations survive a restart.
/// </summary>
public sealed class ConversationHost : IAsyncDisposable
{
    public const string AdminPassword = "Qz7-Ministry-Desk!";
    public const string AgentPassword = "Hj3#Rivers-Quay";
    private readonly bool _ownsFolder;
    private readonly Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? _configure;
    private LoopbackApp? _factory;

    public ConversationHost(TempFolder? folder = null, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null,
        Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        Clock = clock;
        _configure = configure;
        _ownsFolder = folder is null;
        Folder = folder ?? new TempFolder();
        Settings = settings ?? new Dictionary<string, string>();
    }

    public TempFolder Folder { get; }

    /// <summary>The host's clock when the test controls it, else null (system clock).</summary>
    public TimeProvider? Clock { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public ConversationHost Start()
    {
        var settings = new Dictionary<string, string>(Settings) { ["Agents:AdminPassword"] = AdminPassword };
        _factory = new LoopbackApp(Folder.Path, settings, Clock, _configure);
        Address = _factory.Start();
        return this;
    }

    public async Task StopAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        _factory = null;
    }

    /// <summary>Creates a staff account through the admin API.</summary>
    public async Task CreateAgentAsync(string id, string name, string[] departments, string[]? roles = null, int capacity = 5)
    {
        using var admin = await SignInAsync("admin", AdminPassword);
        var response = await admin.Http.PostAsJsonAsync("/api/admin/agents", new
        {
            id, name, password = AgentPassword, departments, roles = roles ?? ["agent"], capacity,
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Signs a staff member in; the returned session carries their cookie.</summary>
    public async Task<StaffSession> SignInAsync(string id, string? password = null)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Address };
        var response = await http.PostAsJsonAsync("/api/agents/login", new { username = id, password = password ?? (id == "admin" ? AdminPassword : AgentPassword) });
        response.EnsureSuccessStatusCode();
        return new StaffSession(http, cookies);
    }

    /// <summary>An agent signed in and connected to the agent hub.</summary>
    public async Task<AgentClient> ConnectAgentAsync(string id) => await AgentClient.ConnectAsync(this, await SignInAsync(id));

    /// <summary>A new visitor with a fresh token, connected to the visitor hub.</summary>
    public async Task<VisitorClient> ConnectVisitorAsync(string? token = null)
    {
        if (token is null)
        {
            using var http = new HttpClient { BaseAddress = Address };
            var issued = await http.PostAsync("/api/visitors", null);
            issued.EnsureSuccessStatusCode();
            token = (await issued.Content.ReadFromJsonAsync<IssuedToken>())!.VisitorToken;
        }
        return await VisitorClient.ConnectAsync(this, token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsFolder) Folder.Dispose();
    }

    private sealed record IssuedToken(string VisitorId, string VisitorToken);
}

/// <summary>A signed-in staff member's HTTP client and cookies.</summary>
public sealed record StaffSession(HttpClient Http, CookieContainer Cookies) : IDisposable
{
    public void Dispose() => Http.Dispose();
}
