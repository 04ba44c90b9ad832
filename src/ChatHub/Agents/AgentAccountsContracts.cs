namespace GovAssistant.ChatHub.Agents;

/// <summary><c>POST /api/agents/login</c> body.</summary>
/// <summary><c>POST /api/agents/login</c> body; <c>returnUrl</c> is the page that sent the user to sign in.</summary>
internal sealed record LoginRequest(string? Username, string? Password, string? ReturnUrl = null);

/// <summary>A successful sign-in: the session, and where to go next (a path on this site, checked by the server).</summary>
internal sealed record LoginView(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments, int Capacity, string ReturnUrl)
{
    public static LoginView Of(AgentProfile p, string? returnUrl) =>
        new(p.Id, p.Name, p.Roles, p.Departments, p.Capacity, Security.LocalReturnUrl.Of(returnUrl));
}

/// <summary><c>POST /api/admin/agents</c> body; capacity defaults to 5.</summary>
internal sealed record CreateAgentRequest(
    string? Id, string? Name, string? Password, List<string>? Departments, List<string>? Roles, int? Capacity);

/// <summary><c>PUT /api/admin/agents/{id}</c> body; a missing field stays as it is.</summary>
internal sealed record UpdateAgentRequest(
    string? Name, string? Password, List<string>? Departments, List<string>? Roles, int? Capacity, bool? Disabled);

/// <summary>The signed-in staff member: login and <c>GET /api/agents/me</c>.</summary>
internal sealed record AgentSessionView(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments, int Capacity)
{
    public static AgentSessionView Of(AgentProfile p) => new(p.Id, p.Name, p.Roles, p.Departments, p.Capacity);
}

/// <summary>An account as admins see it (never the password hash).</summary>
internal sealed record AgentAccountView(
    string Id, string Name, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, int Capacity, bool Disabled,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static AgentAccountView Of(AgentAccount a) =>
        new(a.Id, a.Name, a.Departments, a.Roles, a.Capacity, a.Disabled, a.CreatedAt, a.UpdatedAt);
}
