using GovAssistant.ChatHub.Agents;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.Agents;

public sealed class LoginThrottleTests
{
    private const string Attacker = "203.0.113.66";
    private const string Office = "198.51.100.10";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests() => _throttle = new LoginThrottle(Options.Create(new AgentAccountOptions()), _time);

    [Fact]
    public void FromOneAddressTheFifthFailureStartsADelayThatDoublesWithEachFurtherFailure()
    {
        for (var i = 0; i < 4; i++) _throttle.Failed("zhang", Attacker);
        Assert.Null(_throttle.RetryAfter("zhang", Attacker));

        _throttle.Failed("zhang", Attacker);
        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.RetryAfter("zhang", Attacker));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(_throttle.RetryAfter("zhang", Attacker));

        _throttle.Failed("zhang", Attacker);
        Assert.Equal(TimeSpan.FromSeconds(4), _throttle.RetryAfter("zhang", Attacker));
        _time.Advance(TimeSpan.FromSeconds(4));
        _throttle.Failed("zhang", Attacker);
        Assert.Equal(TimeSpan.FromSeconds(8), _throttle.RetryAfter("zhang", Attacker));
        // The same account from the office is not held back by the attacker's failures.
        Assert.Null(_throttle.RetryAfter("zhang", Office));
    }

    [Fact]
    public void TheDelayOfOneAddressStopsGrowingAtFifteenMinutes()
    {
        for (var i = 0; i < 40; i++) _throttle.Failed("zhang", Attacker);

        Assert.Equal(TimeSpan.FromMinutes(15), _throttle.RetryAfter("zhang", Attacker));
    }

    [Fact]
    public void SprayingUsernamesFromOneAddressDelaysThatAddressForEveryName()
    {
        for (var i = 0; i < 20; i++) _throttle.Failed("user" + i, Attacker);

        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.RetryAfter("someone.else", Attacker));
        Assert.Null(_throttle.RetryAfter("someone.else", Office));
    }

    [Fact]
    public void ADistributedGuessAtTheAdminSlowsItByThirtySecondsAtMostNeverALockout()
    {
        for (var i = 0; i < 500; i++) _throttle.Failed("admin", $"10.0.{i / 250}.{i % 250}");

        // From a clean address the admin waits at most the account-wide cap, however many guesses were made.
        Assert.Equal(TimeSpan.FromSeconds(30), _throttle.RetryAfter("admin", Office));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(_throttle.RetryAfter("admin", Office));
    }

    [Fact]
    public void FailuresAreForgottenAfterAQuietWindow()
    {
        for (var i = 0; i < 10; i++) _throttle.Failed("zhang", Attacker);
        _time.Advance(TimeSpan.FromMinutes(15));

        Assert.Null(_throttle.RetryAfter("zhang", Attacker));
        _throttle.Failed("zhang", Attacker);
        Assert.Null(_throttle.RetryAfter("zhang", Attacker));
    }

    [Fact]
    public void ASuccessfulLoginForgetsTheFailuresOfThatAccountAtThatAddressOnly()
    {
        for (var i = 0; i < 4; i++) _throttle.Failed("zhang", Office);
        for (var i = 0; i < 19; i++) _throttle.Failed("x" + i, Attacker);

        _throttle.Succeeded("zhang", Office);
        _throttle.Succeeded("x0", Attacker);
        _throttle.Failed("zhang", Office);
        _throttle.Failed("x0", Attacker);

        Assert.Null(_throttle.RetryAfter("zhang", Office));
        // A guesser who knows one password cannot wipe its address's record by using it.
        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.RetryAfter("x1", Attacker));
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
