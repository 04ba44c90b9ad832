using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GovAssistant.ChatHub.Tests.Agents;

namespace GovAssistant.ChatHub.Tests.Security;

/// <summary>
/// Cross-site request forgery from another origin of the same site (another port on the host, as in the probe):
/// SameSite=Strict lets the staff cookie through, so the service checks Origin and the antiforgery token itself.
/// </summary>
public sealed class StaffOriginTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    private const string Evil = "http://evil.example";
    private const string SameSiteOtherPort = "http://127.0.0.1:8088";

    private string Own => host.Address.GetLeftPart(UriPartial.Authority);

    [Theory]
    [InlineData(Evil)]
    [InlineData(SameSiteOtherPort)]
    [InlineData("null")]
    public async Task AFormPostedFromAnotherOriginWithTheStaffCookieIsRefused(string origin)
    {
        using var admin = await host.AdminAsync();
        var id = "forged" + Math.Abs(origin.GetHashCode()) % 10000;
        // What an auto-submitted <form enctype="text/plain"> sends: the cookie, its Origin, and a JSON-looking body.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/agents")
        {
            Content = new StringContent($$"""{"id":"{{id}}","name":"冒名","password":"Forged-pass-1234","departments":["*"],"roles":["admin"],"x":"="}""",
                Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", origin);

        using var response = await admin.SendAsync(request);

        Assert.Contains("来源", await response.DetailAsync(HttpStatusCode.Forbidden));
        using var check = await admin.GetAsync("/api/admin/agents");
        Assert.DoesNotContain(id, await check.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASameOriginPageCallWithoutTheAntiforgeryTokenIsRefused()
    {
        using var admin = await host.AdminAsync();
        using var request = CreateAgent("notoken.a", Own, token: null);

        using var response = await admin.SendAsync(request);

        Assert.Contains("防伪令牌", await response.DetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal("invalid", response.Headers.GetValues("X-Antiforgery").Single());
    }

    [Fact]
    public async Task ASameOriginPageCallWithTheTokenOfTheSignedInAccountWorks()
    {
        using var admin = await host.AdminAsync();
        var token = await TokenAsync(admin);

        using var response = await admin.SendAsync(CreateAgent("withtoken.a", Own, token));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ATokenOfTheAccountSignedInBeforeIsRefusedAfterAnotherSignsIn()
    {
        (await host.AgentAsync("token.owner", "Lantern-quay-5521", "agent")).Dispose();
        var (browser, _) = await SignInAsync("token.owner", "Lantern-quay-5521");
        using var owned = browser;
        var agentsToken = await TokenAsync(browser);
        (await browser.LoginAsync("admin", AgentsHost.AdminPassword)).EnsureSuccessStatusCode();

        using var response = await browser.SendAsync(CreateAgent("stale.a", Own, agentsToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid", response.Headers.GetValues("X-Antiforgery").Single());
    }

    [Fact]
    public async Task SigningInFromAnotherOriginIsRefused()
    {
        using var client = host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agents/login")
        {
            Content = JsonContent.Create(new { username = "admin", password = AgentsHost.AdminPassword }),
        };
        request.Headers.Add("Origin", Evil);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TheAgentHubRefusesNegotiateAndWebSocketFromAnotherOrigin()
    {
        var (admin, cookies) = await AdminAsync();
        using var owned = admin;
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/agent/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", Evil);
        using var refused = await admin.SendAsync(negotiate);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var socketError = await Assert.ThrowsAsync<WebSocketException>(() => ConnectSocketAsync(cookies, Evil));
        Assert.Contains("403", socketError.Message);
    }

    [Fact]
    public async Task TheAgentHubAcceptsAWebSocketFromItsOwnOrigin()
    {
        var (admin, cookies) = await AdminAsync();
        using var owned = admin;

        using var socket = await ConnectSocketAsync(cookies, Own);

        // The SignalR handshake answers {} followed by the record separator.
        await socket.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), WebSocketMessageType.Text, true, default);
        var buffer = new byte[256];
        var read = await socket.ReceiveAsync(buffer, default);
        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, read.Count));
    }

    private async Task<ClientWebSocket> ConnectSocketAsync(CookieContainer cookies, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        socket.Options.SetRequestHeader("Origin", origin);
        var uri = new UriBuilder(host.Address) { Scheme = "ws", Path = "/hubs/agent" }.Uri;
        try
        {
            await socket.ConnectAsync(uri, default);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static HttpRequestMessage CreateAgent(string id, string origin, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/agents")
        {
            Content = JsonContent.Create(new { id, name = "测试", password = "Harbor-token-7782", departments = new[] { "*" }, roles = new[] { "agent" } }),
        };
        request.Headers.Add("Origin", origin);
        if (token is not null) request.Headers.Add("X-CSRF-TOKEN", token);
        return request;
    }

    private static async Task<string> TokenAsync(HttpClient signedIn)
    {
        using var response = await signedIn.GetAsync("/api/agents/antiforgery");
        return (await response.JsonAsync(HttpStatusCode.OK))["token"]!.GetValue<string>();
    }

    // A browser of its own: a client and the cookie jar the raw WebSocket shares.
    private async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string id, string password)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = host.Address };
        (await client.LoginAsync(id, password)).EnsureSuccessStatusCode();
        return (client, cookies);
    }

    private Task<(HttpClient Client, CookieContainer Cookies)> AdminAsync() => SignInAsync("admin", AgentsHost.AdminPassword);
}
