using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GovAssistant.ChatHub.Tests.Agents;

/// <summary>
/// The real ChatHub host on Kestrel (loopback, free port) with its database and index in a temp folder of its own,
/// the first admin's password set through configuration. <see cref="RestartAsync"/> stops it and starts a new host on
/// the same folder, as an operator restarting the service would.
/// </summary>
public sealed class AgentsHost : IAsyncLifetime, IAsyncDisposable
{
    public const string AdminPassword = "Gx7-vault-Lamp-92";

    private readonly string? _adminPassword;
    private LoopbackApp? _factory;

    public AgentsHost() : this(AdminPassword) { }

    /// <param name="adminPassword">The configured first-admin password; null leaves it unset (a random one is printed).</param>
    internal AgentsHost(string? adminPassword) => _adminPassword = adminPassword;

    public string Folder { get; } = Directory.CreateTempSubdirectory("govassistant-agents-").FullName;

    public string DatabasePath => Path.Combine(Folder, "bank.db");

    public Uri Address { get; private set; } = null!;

    /// <summary>The running host's services, for reading what it stored.</summary>
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync() => await StartAsync(_adminPassword);

    /// <summary>Stops the host and starts a new one on the same database, with <paramref name="adminPassword"/> configured.</summary>
    public async Task RestartAsync(string? adminPassword)
    {
        await _factory!.DisposeAsync();
        await StartAsync(adminPassword);
    }

    /// <summary>A client with a cookie jar of its own, as one browser.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>A client signed in as the bootstrap admin.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var client = NewClient();
        (await client.LoginAsync("admin", AdminPassword)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Creates an account through the admin API and returns a client signed in as it.</summary>
    public async Task<HttpClient> AgentAsync(string id, string password, params string[] roles)
    {
        using (var admin = await AdminAsync())
        {
            using var created = await admin.PostAsJsonAsync("/api/admin/agents",
                new { id, name = "测试坐席 " + id, password, departments = new[] { "公安局户政管理部门" }, roles });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var client = NewClient();
        (await client.LoginAsync(id, password)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Runs <paramref name="sql"/> against the host's database, as an operator with the sqlite3 shell would.</summary>
    public T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private Task StartAsync(string? adminPassword)
    {
        // Wins over an environment variable of the test runner: each host decides its own first password.
        _factory = new LoopbackApp(Folder, new Dictionary<string, string> { ["GOVASSISTANT_ADMIN_PASSWORD"] = adminPassword ?? "" });
        Address = _factory.Start();
        return Task.CompletedTask;
    }
}

/// <summary>Calls of the staff session API, read as raw JSON so the tests pin the wire names.</summary>
public static class AgentClient
{
    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/agents/login", new { username, password });

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The ProblemDetails <c>detail</c> of a response with <paramref name="expected"/> status.</summary>
    public static async Task<string> DetailAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return problem["detail"]!.GetValue<string>();
    }

    public static string[] Strings(this JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
