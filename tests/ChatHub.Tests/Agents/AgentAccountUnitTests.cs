using GovAssistant.ChatHub.Agents;
using Microsoft.Extensions.Options;

namespace GovAssistant.ChatHub.Tests.Agents;

public sealed class LoginThrottleTests
{
    private readonly ManualTime _time = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(Options.Create(new AgentAccountOptions()), _time);

    [Fact]
    public void TheFifthFailureWithinFiveMinutesLocksForFiveMinutes()
    {
        for (var i = 0; i < 4; i++) _throttle.Failed("zhang");
        Assert.Null(_throttle.RetryAfter("zhang"));

        _throttle.Failed("zhang");

        Assert.Equal(TimeSpan.FromMinutes(5), _throttle.RetryAfter("zhang"));
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TimeSpan.FromMinutes(1), _throttle.RetryAfter("zhang"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(_throttle.RetryAfter("zhang"));
        Assert.Null(_throttle.RetryAfter("li"));
    }

    [Fact]
    public void FailuresOlderThanTheWindowDoNotCount()
    {
        for (var i = 0; i < 4; i++) _throttle.Failed("zhang");
        _time.Advance(TimeSpan.FromMinutes(5));

        _throttle.Failed("zhang");

        Assert.Null(_throttle.RetryAfter("zhang"));
    }

    [Fact]
    public void ASuccessfulLoginForgetsEarlierFailures()
    {
        for (var i = 0; i < 4; i++) _throttle.Failed("zhang");

        _throttle.Succeeded("zhang");
        _throttle.Failed("zhang");

        Assert.Null(_throttle.RetryAfter("zhang"));
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

public sealed class AgentAccountRulesTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("abcdefgh")]
    [InlineData("aaaaaaaa")]
    [InlineData("abababab")]
    [InlineData("zhang.min2024")]
    public void ObviouslyWeakPasswordsAreRefused(string password) =>
        Assert.Contains("过于简单", AgentAccountRules.CheckPassword(password, "zhang.min"));

    [Theory]
    [InlineData("Gx7-vault-Lamp-92")]
    [InlineData("马上办-2026-windows")]
    public void ReasonablePasswordsPass(string password) => Assert.Null(AgentAccountRules.CheckPassword(password, "zhang.min"));

    [Theory]
    [InlineData("zhang.min", true)]
    [InlineData("li", true)]
    [InlineData("agent_07-b", true)]
    [InlineData("Zhang", false)]
    [InlineData("z", false)]
    [InlineData("张敏", false)]
    [InlineData("a234567890123456789012345678901234", false)]
    public void IdsAreTwoToThirtyTwoLowerCaseCharacters(string id, bool valid) =>
        Assert.Equal(valid, AgentAccountRules.CheckId(id) is null);
}

public sealed class AgentAuthTests
{
    [Fact]
    public void TheProfileSurvivesTheTripThroughClaims()
    {
        var account = new AgentAccount("zhang.min", "张敏", ["人社局", "*"], ["agent", "supervisor"], 7, false,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "stamp");

        var profile = AgentAuth.ProfileOf(AgentAuth.PrincipalFor(account));

        Assert.Equal(account.Profile with { Departments = profile.Departments, Roles = profile.Roles }, profile);
        Assert.Equal(["人社局", "*"], profile.Departments);
        Assert.Equal(["agent", "supervisor"], profile.Roles);
        Assert.True(AgentAuth.PrincipalFor(account).IsInRole("supervisor"));
    }

    [Fact]
    public void AnAnonymousUserHasNoProfile() =>
        Assert.Throws<InvalidOperationException>(() => AgentAuth.ProfileOf(new System.Security.Claims.ClaimsPrincipal()));
}
