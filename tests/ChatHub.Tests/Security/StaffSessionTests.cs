using System.Net;
using System.Net.Http.Json;
using GovAssistant.ChatHub.Tests.Agents;

namespace GovAssistant.ChatHub.Tests.Security;

/// <summary>Where a sign-in may lead (only this site), and what a logout ends (the session itself, not only the cookie).</summary>
public sealed class StaffSessionTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    [Theory]
    [InlineData("/\t/127.0.0.1:8088/x")]     // the probe's: browsers drop the tab and read //127.0.0.1:8088
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" /agent/")]
    [InlineData("/ /evil.example")]
    public async Task ALoginNeverSendsTheBrowserToAnotherHost(string returnUrl)
    {
        using var client = host.NewClient();

        using var response = await client.PostAsJsonAsync("/api/agents/login", new { username = "admin", password = AgentsHost.AdminPassword, returnUrl });

        Assert.Equal("/agent/", (await response.JsonAsync(HttpStatusCode.OK))["returnUrl"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/admin/drafts.html?status=pending", "/admin/drafts.html?status=pending")]
    [InlineData("/agent/canned.html", "/agent/canned.html")]
    [InlineData(null, "/agent/")]
    public async Task ALoginReturnsToTheLocalPageThatAskedForIt(string? returnUrl, string expected)
    {
        using var client = host.NewClient();

        using var response = await client.PostAsJsonAsync("/api/agents/login", new { username = "admin", password = AgentsHost.AdminPassword, returnUrl });

        Assert.Equal(expected, (await response.JsonAsync(HttpStatusCode.OK))["returnUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACookieCopiedBeforeLogoutIsRefusedAfterIt()
    {
        using var admin = host.NewClient();
        using var login = await admin.LoginAsync("admin", AgentsHost.AdminPassword);
        var copied = CookieHeader(login);
        using var thief = new HttpClient { BaseAddress = host.Address };
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/agents/me")).StatusCode);

        (await admin.PostAsync("/api/agents/logout", null)).EnsureSuccessStatusCode();

        using var after = await thief.GetAsync("/api/agents/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SigningInAgainAfterLogoutGivesAWorkingSession()
    {
        using var admin = host.NewClient();
        (await admin.LoginAsync("admin", AgentsHost.AdminPassword)).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/agents/logout", null)).EnsureSuccessStatusCode();

        (await admin.LoginAsync("admin", AgentsHost.AdminPassword)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/agents/me")).StatusCode);
    }

    private static string CookieHeader(HttpResponseMessage login) =>
        string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}
