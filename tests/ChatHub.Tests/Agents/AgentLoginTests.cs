using System.Net;

namespace GovAssistant.ChatHub.Tests.Agents;

public sealed class AgentLoginTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    [Fact]
    public async Task LoginWithTheRightPasswordReturnsTheProfileAndSetsAnHttpOnlyStrictCookie()
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync("admin", AgentsHost.AdminPassword);

        var me = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("admin", me["id"]!.GetValue<string>());
        Assert.Equal(["admin", "supervisor", "agent"], me["roles"].Strings());
        Assert.Equal(["*"], me["departments"].Strings());
        Assert.Equal(5, me["capacity"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(me["name"]!.GetValue<string>()));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("govassistant.agent=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("admin", "not-the-password-1")]
    [InlineData("nobody.here", "whatever-password-2")]
    public async Task AWrongPasswordOrUnknownAccountIs401WithTheSameChineseMessage(string username, string password)
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync(username, password);

        Assert.Equal("用户名或密码错误", await response.DetailAsync(HttpStatusCode.Unauthorized));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task LoginWithoutAPasswordIs400()
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync("admin", "");

        Assert.Contains("密码", await response.DetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task MeIs401WithAChineseMessageWhenNotSignedIn()
    {
        using var client = host.NewClient();

        using var response = await client.GetAsync("/api/agents/me");

        Assert.Contains("登录", await response.DetailAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task MeReturnsTheSignedInAgentUntilLogout()
    {
        using var client = await host.AgentAsync("me.check", "Sunny-river-4821", "agent");

        using (var me = await client.GetAsync("/api/agents/me"))
        {
            var body = await me.JsonAsync(HttpStatusCode.OK);
            Assert.Equal("me.check", body["id"]!.GetValue<string>());
            Assert.Equal("测试坐席 me.check", body["name"]!.GetValue<string>());
            Assert.Equal(["agent"], body["roles"].Strings());
            Assert.Equal(["公安局户政管理部门"], body["departments"].Strings());
            Assert.Equal(5, body["capacity"]!.GetValue<int>());
        }

        using (var logout = await client.PostAsync("/api/agents/logout", null))
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var after = await client.GetAsync("/api/agents/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task AfterFiveFailedLoginsEvenTheRightPasswordWaitsButOtherAccountsDoNot()
    {
        (await host.AgentAsync("locked.out", "Quiet-harbor-5513", "agent")).Dispose();
        using var client = host.NewClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.LoginAsync("locked.out", "Wrong-guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using var right = await client.LoginAsync("locked.out", "Quiet-harbor-5513");

        // The test hosts start the delay at 5 minutes (LoopbackApp.TestLimits); production at 2 seconds, doubling.
        Assert.Contains("分钟后再试", await right.DetailAsync(HttpStatusCode.TooManyRequests));
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(4));
        using var other = await host.NewClient().LoginAsync("admin", AgentsHost.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task LoginIgnoresCaseAndSpacesAroundTheUsername()
    {
        using var client = host.NewClient();

        using var response = await client.LoginAsync(" Admin ", AgentsHost.AdminPassword);

        Assert.Equal("admin", (await response.JsonAsync(HttpStatusCode.OK))["id"]!.GetValue<string>());
    }
}
