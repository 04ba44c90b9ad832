namespace GovAssistant.ChatHub.Agents;

/// <summary>Roles of staff accounts.</summary>
public static class AgentRoles
{
    /// <summary>Answers conversations of their departments.</summary>
    public const string Agent = "agent";

    /// <summary>Sees every conversation and follows up 差评.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Manages accounts and the bank.</summary>
    public const string Admin = "admin";

    /// <summary>Drafts changes to the bank entries of their departments; cannot publish.</summary>
    public const string Editor = "editor";

    /// <summary>Reviews and publishes drafts of entries owned by their departments.</summary>
    public const string Reviewer = "reviewer";
}

/// <summary>A staff member as routing sees them: departments (skills), roles and how many chats they take at once.</summary>
/// <param name="Id">Account id (login name).</param>
/// <param name="Name">Display name shown to visitors.</param>
/// <param name="Departments">Departments / skills; "*" means any.</param>
/// <param name="Roles">agent, supervisor, admin, editor, reviewer.</param>
/// <param name="Capacity">Maximum concurrent conversations.</param>
public sealed record AgentProfile(string Id, string Name, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, int Capacity)
{
    /// <summary>True for supervisors and admins, who see every conversation.</summary>
    public bool SeesAll => Roles.Contains(AgentRoles.Supervisor) || Roles.Contains(AgentRoles.Admin);

    /// <summary>True when the agent serves <paramref name="department"/> (or any department).</summary>
    public bool Serves(string? department) =>
        Departments.Contains("*") || (department is not null && Departments.Contains(department));
}
