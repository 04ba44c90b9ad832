using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.Infrastructure;
using GovAssistant.Tests.Shared;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovAssistant.ChatHub.Tests.Cluster;

/// <summary>Where the nodes keep what they share.</summary>
public enum ClusterStorage
{
    /// <summary>One SQLite file on this machine (until every store has its PostgreSQL implementation).</summary>
    SharedSqliteFile,

    /// <summary>A database of the test PostgreSQL server.</summary>
    Postgres,
}

/// <summary>
/// Two real nodes (separate processes, real sockets) behind real nginx, configured as deploy/run-cluster.sh configures
/// them: the same template, <c>Storage__Provider</c>, <c>ConnectionStrings__*</c> and the proxy as the only trusted
/// forwarder (<c>ForwardedHeaders__KnownProxies__0=127.0.0.1</c>); each node its own Lucene index, one data folder.
/// </summary>
public sealed class NginxCluster : IAsyncDisposable
{
    public const string AdminPassword = ConversationHost.AdminPassword;
    public const string AgentPassword = ConversationHost.AgentPassword;
    private string? _postgres;

    private NginxCluster(TempFolder folder) => Folder = folder;

    public TempFolder Folder { get; }

    public List<NodeProcess> Nodes { get; } = [];

    public NginxProxy Proxy { get; private set; } = null!;

    /// <summary>The cluster's public address (nginx).</summary>
    public Uri Address => Proxy.Address;

    /// <summary>The repository's root (the folder holding GovAssistant.sln), for deploy/ and src/ChatHub.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// The storage of cluster tests that do not choose: PostgreSQL, as a city deploys several nodes (README, 扩展部署);
    /// <c>GOVASSISTANT_CLUSTER_STORAGE=sqlite</c> runs them on a shared SQLite file instead.
    /// </summary>
    public static ClusterStorage DefaultStorage =>
        string.Equals(Environment.GetEnvironmentVariable("GOVASSISTANT_CLUSTER_STORAGE"), "sqlite", StringComparison.OrdinalIgnoreCase)
            ? ClusterStorage.SharedSqliteFile : ClusterStorage.Postgres;

    /// <summary>The test Redis server the nodes use (<c>ConnectionStrings__Redis</c>), when started with one.</summary>
    public RedisServer? Redis { get; private set; }

    /// <summary>Starts the nodes one after the other (the first seeds the empty database), then nginx.</summary>
    /// <param name="storage">Where the nodes keep their data; <see cref="DefaultStorage"/> when null.</param>
    /// <param name="withRedis">Give the nodes a Redis server of their own, as run-cluster.sh does.</param>
    public static async Task<NginxCluster> StartAsync(int nodes = 2, ClusterStorage? storage = null,
        IReadOnlyDictionary<string, string>? settings = null, bool withRedis = false)
    {
        var cluster = new NginxCluster(new TempFolder());
        try
        {
            if ((storage ?? DefaultStorage) == ClusterStorage.Postgres) cluster._postgres = await PostgresServer.CreateDatabaseAsync();
            if (withRedis) cluster.Redis = await RedisServer.StartNewAsync();
            for (var i = 0; i < nodes; i++)
                cluster.Nodes.Add(await NodeProcess.StartAsync(((char)('A' + i)).ToString(), cluster.NodeEnvironment(i, settings)));
            cluster.Proxy = await NginxProxy.StartAsync(cluster.Folder.File("nginx"), cluster.Nodes.Select(n => n.Port));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A visitor with a token issued through the proxy, connected to the visitor hub through the proxy
    /// (negotiate, then WebSockets, as the visitor page does), reconnecting by itself when its node goes.</summary>
    public async Task<VisitorConnection> ConnectVisitorAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var issued = await http.PostAsync("/api/visitors", null);
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<IssuedToken>())!.VisitorToken;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, "/hubs/visitor"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
            })
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)])
            .Build();
        var visitor = new VisitorConnection(connection, token);
        await connection.StartAsync();
        return visitor;
    }

    /// <summary>Signs a staff member in on <paramref name="node"/> (the cookie works on every node: one key ring).</summary>
    public static async Task<StaffSession> SignInAsync(Uri address, string id, string password)
    {
        var cookies = new System.Net.CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address };
        var response = await http.PostAsJsonAsync("/api/agents/login", new { username = id, password });
        response.EnsureSuccessStatusCode();
        return new StaffSession(http, cookies);
    }

    /// <summary>Creates an agent through the admin API of the cluster.</summary>
    public async Task CreateAgentAsync(string id, string name)
    {
        using var admin = await SignInAsync(Address, "admin", AdminPassword);
        var response = await admin.Http.PostAsJsonAsync("/api/admin/agents", new { id, name, password = AgentPassword, departments = new[] { "*" }, roles = new[] { "agent" }, capacity = 5 });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The node holding <paramref name="count"/> visitor hub connections, read from each node's own <c>/metrics</c>.</summary>
    public async Task<NodeProcess> NodeWithVisitorsAsync(int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            foreach (var node in Nodes)
                if (await VisitorConnectionsAsync(node) == count) return node;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"没有哪个节点恰好持有 {count} 个访客连接");
            await Task.Delay(100);
        }
    }

    /// <summary>A counter or gauge of a node's Prometheus text, summed over the series whose labels contain <paramref name="label"/>.</summary>
    public static async Task<double> ScrapeAsync(NodeProcess node, string metric, string label = "")
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        var text = await http.GetStringAsync("/metrics");
        return Regex.Matches(text, $@"^{Regex.Escape(metric)}(\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
            .Where(m => m.Groups[1].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        foreach (var node in Nodes) await node.DisposeAsync();
        if (_postgres is not null) await PostgresServer.DropDatabaseAsync(_postgres);
        if (Redis is not null) await Redis.DisposeAsync();
        Folder.Dispose();
    }

    private static Task<double> VisitorConnectionsAsync(NodeProcess node) =>
        ScrapeAsync(node, "govassistant_hub_connections", "hub=\"visitor\"");

    private Dictionary<string, string> NodeEnvironment(int index, IReadOnlyDictionary<string, string>? settings)
    {
        var environment = new Dictionary<string, string>
        {
            // As run-cluster.sh: src/ChatHub is the content root (pages, appsettings), data and keys in one folder.
            ["ASPNETCORE_CONTENTROOT"] = Path.Combine(RepositoryRoot, "src", "ChatHub"),
            ["KnowledgeBase__DatabasePath"] = Folder.File("data/govassistant.db"),
            ["QaEngine__IndexPath"] = Folder.File($"node{index}/index"),
            ["Storage__Provider"] = _postgres is null ? "sqlite" : "postgres",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["GOVASSISTANT_ADMIN_PASSWORD"] = AdminPassword,
            ["Agents__RequirePasswordChange"] = "false",
        };
        if (_postgres is not null) environment["ConnectionStrings__Postgres"] = _postgres;
        if (Redis is not null) environment["ConnectionStrings__Redis"] = Redis.ConnectionString;
        // Limits out of the way of functional tests, as for the in-process hosts (a test may set its own).
        foreach (var (key, value) in LoopbackApp.TestLimits) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return environment;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GovAssistant.sln"))) return dir.FullName;
        throw new InvalidOperationException("找不到仓库根目录（GovAssistant.sln）");
    }

    private sealed record IssuedToken(string VisitorId, string VisitorToken);
}
