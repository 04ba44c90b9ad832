namespace GovAssistant.ChatHub.Agents;

/// <summary>A stored staff account, without its password hash.</summary>
/// <param name="Id">Login name, 2–32 of <c>[a-z0-9_.-]</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Departments">Departments served; "*" means all.</param>
/// <param name="Roles">agent, supervisor, admin.</param>
/// <param name="Capacity">Maximum concurrent conversations.</param>
/// <param name="Disabled">A disabled account cannot sign in and its sessions end.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="SecurityStamp">Changes with the password or when the account is disabled, ending every session issued before.</param>
public sealed record AgentAccount(
    string Id, string Name, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, int Capacity, bool Disabled,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string SecurityStamp)
{
    /// <summary>
    /// The password was set by someone else (first start, an admin creating or resetting the account): until its
    /// holder chooses their own, the session only reaches the password change (<see cref="PasswordChangeGate"/>).
    /// </summary>
    public bool MustChangePassword { get; init; }

    /// <summary>The account as routing sees it.</summary>
    public AgentProfile Profile => new(Id, Name, Departments, Roles, Capacity);
}

/// <summary>Changes to an account; null leaves a field as it is.</summary>
public sealed record AgentAccountChanges(
    string? Name = null, IReadOnlyList<string>? Departments = null, IReadOnlyList<string>? Roles = null,
    int? Capacity = null, bool? Disabled = null, string? Password = null, bool? MustChangePassword = null);

/// <summary>What <see cref="AgentAccountStore.UpdateAsync"/> did.</summary>
public enum AgentUpdateResult
{
    /// <summary>The changes are saved.</summary>
    Updated,

    /// <summary>No account has that id.</summary>
    NotFound,

    /// <summary>Refused: no enabled admin would remain, and nobody could manage accounts any more.</summary>
    LastAdmin,
}
