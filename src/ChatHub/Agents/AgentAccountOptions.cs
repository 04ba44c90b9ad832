namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Staff accounts and their sessions, bound from the <c>Agents</c> section:
/// <code>"Agents": { "SessionLength": "08:00:00", "MaxFailedLogins": 5, "FailedLoginsPerAddress": 20, "FailedLoginsPerAccount": 20,
///   "FirstLoginDelay": "00:00:02", "MaxLoginDelay": "00:15:00", "MaxAccountLoginDelay": "00:00:30", "FailureWindow": "00:15:00" }</code>
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

    /// <summary>Failed logins of one account from one address before each further attempt there must wait.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    /// <summary>Failed logins from one address, whatever the accounts, before its attempts must wait.</summary>
    public int FailedLoginsPerAddress { get; set; } = 20;

    /// <summary>Failed logins of one account, from all addresses, before its attempts must wait (at most <see cref="MaxAccountLoginDelay"/>).</summary>
    public int FailedLoginsPerAccount { get; set; } = 20;

    /// <summary>The first wait; each further failure doubles it.</summary>
    public TimeSpan FirstLoginDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait of one address (alone or for one account).</summary>
    public TimeSpan MaxLoginDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest wait of an account over all addresses: short, so nobody can lock an account (admin included) out.</summary>
    public TimeSpan MaxAccountLoginDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failures are forgotten after this long without another one.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Password checks run at once; 0 = half the processors (at least one).</summary>
    public int MaxConcurrentPasswordChecks { get; set; }

    /// <summary>A login waiting longer than this for a free password check is told to retry (503).</summary>
    public TimeSpan PasswordCheckWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The first admin, and accounts an admin creates or whose password an admin resets, must choose their own
    /// password at first sign-in before the session reaches anything else. Off only for test hosts.
    /// </summary>
    public bool RequirePasswordChange { get; set; } = true;

    /// <summary>Where a browser asking for a protected page (not an API or hub call) is sent to sign in.</summary>
    public string LoginPath { get; set; } = "/agent/login.html";
}
