using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Tests.Conversations;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Tests.Limits;

/// <summary>
/// Password guessing against the real host: a spray of usernames from one address is slowed for that address only,
/// and password checks queue behind a small gate instead of taking every core.
/// </summary>
public sealed class LoginThrottlingTests
{
    [Fact]
    public async Task SprayingUsernamesFromOneAddressIsDelayedThereWhileTheAdminSignsInFromAnother()
    {
        await using var host = new ConversationHost(settings: new Dictionary<string, string> { ["Agents:FailedLoginsPerAddress"] = "3" }).Start();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Address };

        var statuses = new List<HttpStatusCode>();
        foreach (var name in new[] { "wang", "li", "zhao", "sun", "admin" })
            statuses.Add(await LoginAsync(http, "203.0.113.50", name, "Guess-1234-abcd"));
        var admin = await LoginAsync(http, "198.51.100.7", "admin", ConversationHost.AdminPassword);
        var adminFromSprayer = await LoginAsync(http, "203.0.113.50", "admin", ConversationHost.AdminPassword);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, admin);
        Assert.Equal(HttpStatusCode.TooManyRequests, adminFromSprayer);
    }

    [Fact]
    public async Task APasswordCheckBeyondTheConcurrentSlotsIsRefusedNotRun()
    {
        using var gate = new PasswordCheckGate(Options.Create(new AgentAccountOptions
        {
            MaxConcurrentPasswordChecks = 1, PasswordCheckWait = TimeSpan.Zero,
        }));
        var holding = new TaskCompletionSource<bool>();
        var ran = false;

        var first = gate.RunAsync(() => holding.Task, CancellationToken.None);
        var second = await gate.RunAsync(() => { ran = true; return Task.FromResult(true); }, CancellationToken.None);
        holding.SetResult(true);
        var third = await gate.RunAsync(() => Task.FromResult(true), CancellationToken.None);

        Assert.False(second.Ran);
        Assert.False(ran);
        Assert.True((await first).Ran);
        Assert.True(third.Ran);
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient http, string address, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/agents/login") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Add("X-Forwarded-For", address);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
