using System.Data.Common;
using System.Text.Json;
using Dapper;
using GovAssistant.ChatHub.Storage;
using Microsoft.AspNetCore.Identity;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Staff accounts in the <c>agents</c> table (<see cref="SqliteAgentAccountStore"/> or <see cref="PostgresAgentAccountStore"/>). Passwords are kept only as ASP.NET Core
/// Identity hashes (PBKDF2, salted) and never leave this class; every write is checked against
/// <see cref="AgentAccountRules"/>.
/// </summary>
public abstract class AgentAccountStore
{
    private const string Columns =
        "id, name, departments, roles, capacity, disabled, created_at AS CreatedAt, updated_at AS UpdatedAt, security_stamp AS SecurityStamp, must_change_password AS MustChangePassword";

    private static readonly PasswordHasher<AgentAccount> Hasher = new();

    // Verified when the id is unknown, so a wrong id costs as long as a wrong password and does not reveal which ids exist.
    private static readonly string DummyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    private readonly TimeProvider _time;

    /// <summary>Uses <paramref name="time"/> for the accounts' timestamps.</summary>
    protected AgentAccountStore(TimeProvider time) => _time = time;

    /// <summary>An open connection.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// An open connection with a transaction that keeps other account writers out until it ends: two admins demoting
    /// each other at once cannot both pass the last-admin check.
    /// </summary>
    protected abstract Task<(DbConnection Connection, DbTransaction Transaction)> BeginExclusiveAsync(CancellationToken cancellationToken);

    /// <summary>A time as this provider stores it.</summary>
    protected abstract object Stamp(DateTimeOffset at);

    /// <summary>The SQL expression storing the JSON text parameter <paramref name="parameter"/>.</summary>
    protected abstract string Json(string parameter);

    /// <summary>Creates an account; false when the id is taken.</summary>
    /// <exception cref="ArgumentException">A field breaks <see cref="AgentAccountRules"/>.</exception>
    public Task<bool> CreateAsync(AgentProfile profile, string password, CancellationToken cancellationToken = default) =>
        CreateAsync(profile, password, mustChangePassword: false, cancellationToken);

    /// <summary>Creates an account whose holder, when <paramref name="mustChangePassword"/>, must replace the password before anything else.</summary>
    /// <exception cref="ArgumentException">A field breaks <see cref="AgentAccountRules"/>.</exception>
    public async Task<bool> CreateAsync(AgentProfile profile, string password, bool mustChangePassword, CancellationToken cancellationToken = default)
    {
        Require(AgentAccountRules.CheckId(profile.Id) ?? AgentAccountRules.CheckName(profile.Name)
            ?? AgentAccountRules.CheckPassword(password, profile.Id) ?? AgentAccountRules.CheckDepartments(profile.Departments)
            ?? AgentAccountRules.CheckRoles(profile.Roles) ?? AgentAccountRules.CheckCapacity(profile.Capacity));
        var now = Stamp(_time.GetUtcNow());
        await using var connection = await OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO agents (id, name, password_hash, departments, roles, capacity, disabled, security_stamp, created_at, updated_at, must_change_password)
            VALUES (@Id, @Name, @Hash, {Json("@Departments")}, {Json("@Roles")}, @Capacity, FALSE, @Stamp, @Now, @Now, @Must)
            ON CONFLICT (id) DO NOTHING;
            """, new
        {
            profile.Id, Name = profile.Name.Trim(), Hash = Hasher.HashPassword(null!, password),
            Departments = JsonOf(profile.Departments), Roles = JsonOf(profile.Roles), profile.Capacity, Stamp = NewStamp(), Now = now,
            Must = mustChangePassword,
        }, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>
    /// Applies <paramref name="changes"/>. A new password or disabling the account ends its sessions; a change that
    /// would leave no enabled admin is refused.
    /// </summary>
    /// <exception cref="ArgumentException">A changed field breaks <see cref="AgentAccountRules"/>.</exception>
    public async Task<AgentUpdateResult> UpdateAsync(string id, AgentAccountChanges changes, CancellationToken cancellationToken = default)
    {
        Require((changes.Name is null ? null : AgentAccountRules.CheckName(changes.Name))
            ?? (changes.Password is null ? null : AgentAccountRules.CheckPassword(changes.Password, id))
            ?? (changes.Departments is null ? null : AgentAccountRules.CheckDepartments(changes.Departments))
            ?? (changes.Roles is null ? null : AgentAccountRules.CheckRoles(changes.Roles))
            ?? (changes.Capacity is not { } c ? null : AgentAccountRules.CheckCapacity(c)));

        var (connection, transaction) = await BeginExclusiveAsync(cancellationToken);
        await using var _ = connection;
        await using var __ = transaction;
        var accounts = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM agents;", transaction: transaction, cancellationToken: cancellationToken))).Select(r => r.ToAccount()).ToList();
        var current = accounts.Find(a => a.Id == id);
        if (current is null) return AgentUpdateResult.NotFound;

        var updated = current with
        {
            Name = changes.Name?.Trim() ?? current.Name,
            Departments = changes.Departments ?? current.Departments,
            Roles = changes.Roles ?? current.Roles,
            Capacity = changes.Capacity ?? current.Capacity,
            Disabled = changes.Disabled ?? current.Disabled,
            UpdatedAt = _time.GetUtcNow(),
            MustChangePassword = changes.MustChangePassword ?? current.MustChangePassword,
            SecurityStamp = changes.Password is not null || (changes.Disabled == true && !current.Disabled) ? NewStamp() : current.SecurityStamp,
        };
        if (!accounts.Select(a => a.Id == id ? updated : a).Any(a => !a.Disabled && a.Roles.Contains(AgentRoles.Admin)))
            return AgentUpdateResult.LastAdmin;

        await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE agents SET name = @Name, departments = {Json("@Departments")}, roles = {Json("@Roles")}, capacity = @Capacity, disabled = @Disabled,
                security_stamp = @Stamp, updated_at = @Now, password_hash = COALESCE(@Hash, password_hash),
                must_change_password = @Must
            WHERE id = @Id;
            """, new
        {
            updated.Id, updated.Name, Departments = JsonOf(updated.Departments), Roles = JsonOf(updated.Roles), updated.Capacity,
            updated.Disabled, Stamp = updated.SecurityStamp, Now = Stamp(updated.UpdatedAt),
            Hash = changes.Password is null ? null : Hasher.HashPassword(null!, changes.Password),
            Must = updated.MustChangePassword,
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return AgentUpdateResult.Updated;
    }

    /// <summary>Ends every session of the account (a new security stamp), as at logout.</summary>
    public async Task EndSessionsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE agents SET security_stamp = @stamp WHERE id = @id;",
            new { id, stamp = NewStamp() }, cancellationToken: cancellationToken));
    }

    /// <summary>The account with <paramref name="id"/>, or null.</summary>
    public async Task<AgentAccount?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM agents WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    /// <summary>The profile of the enabled account with <paramref name="id"/>, or null (unknown or disabled).</summary>
    public async Task<AgentProfile?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        await GetAsync(id, cancellationToken) is { Disabled: false } account ? account.Profile : null;

    /// <summary>
    /// The account when <paramref name="password"/> is its password (disabled accounts included: the caller decides
    /// what to tell them), otherwise null. Takes as long for an unknown id as for a wrong password.
    /// </summary>
    public async Task<AgentAccount?> VerifyPasswordAsync(string id, string password, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var hash = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT password_hash FROM agents WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        var result = Hasher.VerifyHashedPassword(null!, hash ?? DummyHash, password);
        if (hash is null || result == PasswordVerificationResult.Failed) return null;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Stronger hashing parameters since this hash was made: upgrade it now that the password is at hand.
            await connection.ExecuteAsync(new CommandDefinition("UPDATE agents SET password_hash = @hash WHERE id = @id;",
                new { id, hash = Hasher.HashPassword(null!, password) }, cancellationToken: cancellationToken));
        }
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Every account, by id.</summary>
    public async Task<IReadOnlyList<AgentAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM agents ORDER BY id;", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAccount()).ToList();
    }

    /// <summary>How many accounts exist, disabled ones included.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM agents;", cancellationToken: cancellationToken));
    }


    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static string JsonOf(IReadOnlyList<string> names) => JsonSerializer.Serialize(AgentAccountRules.Normalize(names));

    private static void Require(string? error)
    {
        if (error is not null) throw new ArgumentException(error);
    }

    // Settable, so Dapper converts each provider's column types (integer or boolean flags, text or timestamptz times).
    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Departments { get; set; } = "[]";
        public string Roles { get; set; } = "[]";
        public long Capacity { get; set; }
        public bool Disabled { get; set; }
        public object CreatedAt { get; set; } = "";
        public object UpdatedAt { get; set; } = "";
        public string SecurityStamp { get; set; } = "";
        public bool MustChangePassword { get; set; }

        public AgentAccount ToAccount() => new(
            Id, Name, JsonSerializer.Deserialize<string[]>(Departments) ?? [], JsonSerializer.Deserialize<string[]>(Roles) ?? [],
            (int)Capacity, Disabled, StoredTime.Read(CreatedAt), StoredTime.Read(UpdatedAt), SecurityStamp)
        {
            MustChangePassword = MustChangePassword,
        };
    }
}
