namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Staff accounts and their sessions, bound from the <c>Agents</c> section:
/// <code>"Agents": { "SessionLength": "08:00:00", "MaxFailedLogins": 5, "FailureWindow": "00:05:00", "LockoutDuration": "00:05:00" }</code>
/// The first admin's password comes from the environment variable <c>GOVASSISTANT_ADMIN_PASSWORD</c>
/// (or <c>Agents:AdminPassword</c>); it is a secret, so keep it out of appsettings.json.
/// </summary>
public sealed class AgentAccountOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Agents";

    /// <summary>Environment variable (or top-level configuration key) holding the first admin's password.</summary>
    public const string AdminPasswordVariable = "GOVASSISTANT_ADMIN_PASSWORD";

    /// <summary>Password of the <c>admin</c> account created on first start; null prints a random one once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan SessionLength { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed logins for one account, within <see cref="FailureWindow"/>, that lock it.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>How far back failed logins count.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a locked account refuses every login, right password included.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The first admin, and accounts an admin creates or whose password an admin resets, must choose their own
    /// password at first sign-in before the session reaches anything else. Off only for test hosts.
    /// </summary>
    public bool RequirePasswordChange { get; set; } = true;

    /// <summary>Where a browser asking for a protected page (not an API or hub call) is sent to sign in.</summary>
    public string LoginPath { get; set; } = "/agent/login.html";
}
