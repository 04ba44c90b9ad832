using System.Net;
using System.Net.WebSockets;
using GovAssistant.ChatHub.Tests.Conversations;

namespace GovAssistant.ChatHub.Tests.DirectLine;

/// <summary>Secrets and tokens over real HTTP on loopback: who may open and read which conversation.</summary>
public sealed class DirectLineAuthTests : IAsyncLifetime
{
    private ConversationHost _host = null!;
    private DirectLineClient _client = null!;

    public Task InitializeAsync()
    {
        _host = DirectLineClient.Host().Start();
        _client = new DirectLineClient(_host.Address);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task TheSecretBuysATokenForANewConversationAndTheTokenRefreshesForTheSameOne()
    {
        var generated = await _client.GenerateTokenAsync("""{"user":{"id":"dl_citizen42","name":"张三"}}""");
        var conversationId = generated.Str("conversationId")!;
        var token = generated.Str("token")!;
        Assert.Equal(32, conversationId.Length);
        Assert.Equal(1800, (int)generated["expires_in"]!);
        Assert.DoesNotContain(DirectLineClient.Secret, token);

        var refreshed = await _client.JsonAsync(HttpMethod.Post, "/tokens/refresh", token);
        Assert.Equal(conversationId, refreshed.Str("conversationId"));
        Assert.NotEqual(token, refreshed.Str("token"));

        // The refreshed token opens the same conversation: the bot's greeting is there.
        var set = await _client.ActivitiesAsync(new Session(conversationId, refreshed.Str("token")!, ""));
        Assert.Contains(set["activities"]!.AsArray(), a => a.Str("text")?.Contains("政务服务智能助手") == true);
    }

    [Fact]
    public async Task MissingCredentialsAre401AndAWrongSecretOrTokenIs403()
    {
        using var none = await _client.SendAsync(HttpMethod.Post, "/tokens/generate", null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("Authorization", await none.Content.ReadAsStringAsync());

        using var wrong = await _client.SendAsync(HttpMethod.Post, "/tokens/generate", DirectLineClient.OtherSecret);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("无效", await wrong.Content.ReadAsStringAsync());

        using var forged = await _client.SendAsync(HttpMethod.Post, "/conversations", "not-a-token");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        // A token cannot mint more tokens, and a secret is no token to refresh.
        var token = (await _client.GenerateTokenAsync()).Str("token")!;
        using var tokenForToken = await _client.SendAsync(HttpMethod.Post, "/tokens/generate", token);
        Assert.Equal(HttpStatusCode.Forbidden, tokenForToken.StatusCode);
        using var refreshSecret = await _client.SendAsync(HttpMethod.Post, "/tokens/refresh", DirectLineClient.Secret);
        Assert.Equal(HttpStatusCode.Forbidden, refreshSecret.StatusCode);
    }

    [Fact]
    public async Task ATokenCannotReadOrWriteAnotherConversation()
    {
        var mine = await _client.NewSessionAsync();
        var theirs = await _client.NewSessionAsync();
        await _client.SayAsync(theirs, "身份证丢了怎么补办");

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/conversations/{theirs.ConversationId}/activities"),
            (HttpMethod.Get, $"/conversations/{theirs.ConversationId}"),
        })
        {
            using var response = await _client.SendAsync(method, path, mine.Token);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("只能访问", await response.Content.ReadAsStringAsync());
        }
        using var post = await _client.SendAsync(HttpMethod.Post, $"/conversations/{theirs.ConversationId}/activities", mine.Token,
            """{"type":"message","text":"偷看一下"}""");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        // Nor can it open the other conversation's stream, even with its own valid stream ticket.
        var ticket = new Uri(mine.StreamUrl).Query;
        var forged = new UriBuilder(mine.StreamUrl) { Path = $"/v3/directline/conversations/{theirs.ConversationId}/stream", Query = ticket.TrimStart('?') };
        using var socket = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(forged.Uri, CancellationToken.None));
    }

    [Fact]
    public async Task TheSecretMayActInAnyDirectLineConversationButAStreamTicketIsNoBearerToken()
    {
        var session = await _client.NewSessionAsync();
        var asSecret = session with { Token = DirectLineClient.Secret };
        var set = await _client.ActivitiesAsync(asSecret);
        Assert.NotEmpty(set["activities"]!.AsArray());

        var ticket = System.Web.HttpUtility.ParseQueryString(new Uri(session.StreamUrl).Query)["t"]!;
        using var response = await _client.SendAsync(HttpMethod.Get, $"/conversations/{session.ConversationId}/activities", ticket);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var unknown = await _client.SendAsync(HttpMethod.Get, "/conversations/0123456789abcdef0123456789abcdef/activities", DirectLineClient.Secret);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ASiteOnAnotherOriginMayCallFromTheBrowser()
    {
        using var http = new HttpClient { BaseAddress = _host.Address };
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://www.example.gov.cn");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        using var response = await http.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }
}
