namespace GovAssistant.ChatHub.Agents;

/// <summary><c>POST /api/agents/login</c> body; <c>returnUrl</c> is the page that sent the user to sign in.</summary>
internal sealed record LoginRequest(string? Username, string? Password, string? ReturnUrl = null);

/// <summary>
/// <c>POST /api/admin/agents</c> body; capacity defaults to 5; <c>username</c> is the login name (<c>id</c>, its older
/// name, is still accepted); without a password a temporary one is generated and returned once.
/// </summary>
internal sealed record CreateAgentRequest(
    string? Username, string? Id, string? Name, string? Password, List<string>? Departments, List<string>? Roles, int? Capacity);

/// <summary><c>PUT /api/admin/agents/{id}</c> body; a missing field stays as it is.</summary>
internal sealed record UpdateAgentRequest(
    string? Name, string? Password, List<string>? Departments, List<string>? Roles, int? Capacity, bool? Disabled);

/// <summary>
/// The signed-in staff member: login and <c>GET /api/agents/me</c>, with whether the password must be changed first
/// and the service's time zone, in which the pages show every time.
/// </summary>
internal sealed record AgentSessionView(
    string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments, int Capacity, bool MustChangePassword, string TimeZone)
{
    /// <summary>After a sign-in: the local path to go to next (never another site).</summary>
    public string? ReturnUrl { get; init; }

    public static AgentSessionView Of(System.Security.Claims.ClaimsPrincipal user, Service.ServiceTimeZone zone)
    {
        var p = AgentAuth.ProfileOf(user);
        return new(p.Id, p.Name, p.Roles, p.Departments, p.Capacity, user.HasClaim(AgentAuth.MustChangePasswordClaim, "true"), zone.Id);
    }
}

/// <summary>
/// An account as admins see it (never the password hash); <c>temporaryCredentials</c>: its password was set by someone
/// else and must be changed at the next sign-in.
/// </summary>
internal sealed record AgentAccountView(
    string Id, string Name, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, int Capacity, bool Disabled,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool TemporaryCredentials)
{
    /// <summary>Only in the answer to a create without a password: shown once, never stored in clear.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? TemporaryPassword { get; init; }

    public static AgentAccountView Of(AgentAccount a) =>
        new(a.Id, a.Name, a.Departments, a.Roles, a.Capacity, a.Disabled, a.CreatedAt, a.UpdatedAt, a.MustChangePassword);
}
