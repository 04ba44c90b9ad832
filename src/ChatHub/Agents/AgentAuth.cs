using System.Globalization;
using System.Security.Claims;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// The staff sign-in: cookie scheme, authorization policies, and the claims that carry an <see cref="AgentProfile"/>
/// from the login to every later request (REST and the agent hub).
/// </summary>
public static class AgentAuth
{
    /// <summary>Authentication scheme of the staff cookie.</summary>
    public const string Scheme = "AgentCookie";

    /// <summary>Name of the HTTP-only session cookie.</summary>
    public const string CookieName = "govassistant.agent";

    /// <summary>Policy: any signed-in staff member (agent, supervisor or admin).</summary>
    public const string AgentPolicy = "agent";

    /// <summary>Policy: any signed-in staff member, whatever their roles (session information).</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Policy: admins only (account management).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Policy: supervisors and admins (service-quality dashboard, 差评 follow-up).</summary>
    public const string SupervisorPolicy = "supervisor";

    /// <summary>Policy: staff who work on the bank (editors, reviewers, admins).</summary>
    public const string BankPolicy = "bank";

    /// <summary>Claim type of each department the agent serves.</summary>
    public const string DepartmentClaim = "department";

    /// <summary>Claim type of the agent's capacity.</summary>
    public const string CapacityClaim = "capacity";

    // The account's security stamp and last change, so a session ends or refreshes when the account changes.
    internal const string StampClaim = "agent_stamp";
    internal const string VersionClaim = "agent_version";

    /// <summary>Claim present while the account must change its password before anything else.</summary>
    public const string MustChangePasswordClaim = "agent_must_change_password";

    /// <summary>The principal a session of <paramref name="account"/> carries.</summary>
    public static ClaimsPrincipal PrincipalFor(AgentAccount account)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.Name),
            new(CapacityClaim, account.Capacity.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
            new(StampClaim, account.SecurityStamp),
            new(VersionClaim, VersionOf(account)),
        ];
        if (account.MustChangePassword) claims.Add(new Claim(MustChangePasswordClaim, "true"));
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(account.Departments.Select(d => new Claim(DepartmentClaim, d)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    internal static string VersionOf(AgentAccount account) => account.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>The signed-in staff member behind <paramref name="user"/>.</summary>
    /// <exception cref="InvalidOperationException">The user is not a signed-in staff member (the endpoint lacks <see cref="AgentPolicy"/>).</exception>
    public static AgentProfile ProfileOf(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || user.Identities.All(i => i.AuthenticationType != Scheme))
            throw new InvalidOperationException("Not a staff session: require AgentAuth.AgentPolicy on the endpoint or hub.");
        var capacity = int.TryParse(user.FindFirstValue(CapacityClaim), CultureInfo.InvariantCulture, out var c) ? c : AgentAccountRules.DefaultCapacity;
        return new AgentProfile(
            id,
            user.FindFirstValue(ClaimTypes.Name) ?? id,
            user.FindAll(DepartmentClaim).Select(x => x.Value).ToList(),
            user.FindAll(ClaimTypes.Role).Select(x => x.Value).ToList(),
            capacity);
    }
}
