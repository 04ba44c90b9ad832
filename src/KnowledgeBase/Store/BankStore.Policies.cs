using Dapper;

namespace GovAssistant.KnowledgeBase;

public abstract partial class BankStore
{
    /// <summary>The policies marked superseded, by name.</summary>
    public async Task<IReadOnlyList<SupersededPolicy>> ListSupersededPoliciesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Basis, string? Note, string By, string At)>(new CommandDefinition(
            $"SELECT basis, note, added_by, {Sql.TimeColumn("added_at")} FROM superseded_policies ORDER BY basis;", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SupersededPolicy(r.Basis, r.Note, r.By,
            DateTimeOffset.Parse(r.At, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)))];
    }

    /// <summary>Marks a policy superseded (or updates its note); entries whose basis names it then need review.</summary>
    public async Task<SupersededPolicy> AddSupersededPolicyAsync(string basis, string? note, string by, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(basis);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var policy = new SupersededPolicy(basis.Trim(), string.IsNullOrWhiteSpace(note) ? null : note.Trim(), by, Now());
        await WriteAsync((connection, transaction) => connection.Execute($"""
            INSERT INTO superseded_policies (basis, note, added_by, added_at) VALUES (@Basis, @Note, @AddedBy, {Sql.Time("@at")})
            ON CONFLICT (basis) DO UPDATE SET note = excluded.note, added_by = excluded.added_by, added_at = excluded.added_at;
            """, new { policy.Basis, policy.Note, policy.AddedBy, at = EntryRow.FormatTime(policy.AddedAt) }, transaction), cancellationToken);
        return policy;
    }

    /// <summary>Takes a policy off the superseded list; false when it was not on it.</summary>
    public async Task<bool> RemoveSupersededPolicyAsync(string basis, CancellationToken cancellationToken = default) =>
        await WriteAsync((connection, transaction) =>
            connection.Execute("DELETE FROM superseded_policies WHERE basis = @basis;", new { basis = basis.Trim() }, transaction) > 0,
            cancellationToken);
}

/// <summary>A policy document that has been replaced or repealed.</summary>
/// <param name="Basis">The policy's name as entries cite it, e.g. 《居住证暂行条例》.</param>
/// <param name="Note">What replaced it, or why.</param>
/// <param name="AddedBy">Who marked it.</param>
/// <param name="AddedAt">When.</param>
public sealed record SupersededPolicy(string Basis, string? Note, string AddedBy, DateTimeOffset AddedAt);
