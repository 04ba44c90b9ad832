using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Conversations;
using GovAssistant.ChatHub.Tests.DirectLine;

namespace GovAssistant.ChatHub.Tests.Limits;

/// <summary>
/// Behind a trusted TLS proxy the service sees the citizen's address and https: the Direct Line stream is wss://,
/// the staff cookie Secure, and rate limits count each citizen. From a sender that is not a configured proxy the
/// same headers change nothing.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string> DirectLineOn = new() { ["DirectLine:Secrets:0"] = DirectLineClient.Secret };

    [Fact]
    public async Task BehindATrustedTlsProxyTheStreamUrlIsWssAndTheStaffCookieIsSecure()
    {
        await using var host = new ConversationHost(settings: DirectLineOn).Start();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Address };

        var streamUrl = await StreamUrlAsync(http, proto: "https");
        var cookie = await LoginCookieAsync(http, proto: "https");

        Assert.StartsWith("wss://", streamUrl);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("ws://", await StreamUrlAsync(http, proto: null));   // plain http without the header
    }

    [Fact]
    public async Task FromASenderThatIsNotAConfiguredProxyForwardedHeadersChangeNothing()
    {
        var settings = new Dictionary<string, string>(DirectLineOn)
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.9.9.9",
            ["RateLimits:Ask:Burst"] = "2",
            ["RateLimits:Ask:PermitsPerMinute"] = "1",
        };
        await using var host = new ConversationHost(settings: settings).Start();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Address };

        var streamUrl = await StreamUrlAsync(http, proto: "https");
        var cookie = await LoginCookieAsync(http, proto: "https");
        var statuses = new List<HttpStatusCode>();
        // Four "different citizens" claimed by an untrusted sender are one client: the sender itself.
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question = "居住证怎么办理" }) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{20 + i}");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.StartsWith("ws://", streamUrl);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AMalformedProxyAddressStopsStartUpWithAChineseMessage()
    {
        using var folder = new TempFolder();
        await using var app = new LoopbackApp(folder.Path, new Dictionary<string, string> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99" });

        var e = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains("ForwardedHeaders:KnownNetworks 中的“10.0.0.0/99”不是有效的网段", e.ToString());
    }

    private static async Task<string> StreamUrlAsync(HttpClient http, string? proto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new("Bearer", DirectLineClient.Secret);
        if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["streamUrl"]!.GetValue<string>();
    }

    private static async Task<string> LoginCookieAsync(HttpClient http, string proto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agents/login")
        {
            Content = JsonContent.Create(new { username = "admin", password = ConversationHost.AdminPassword }),
        };
        request.Headers.Add("X-Forwarded-Proto", proto);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", response.Headers.GetValues("Set-Cookie"));
    }
}
