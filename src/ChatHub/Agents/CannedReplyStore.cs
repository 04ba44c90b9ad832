using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Canned replies in the <c>canned_replies</c> table (<see cref="SqliteCannedReplyStore"/> or <see cref="PostgresCannedReplyStore"/>). A new database starts with the
/// defaults shipped in <c>DefaultCannedReplies.json</c>; after that the replies are whatever supervisors made them.
/// </summary>
public abstract class CannedReplyStore
{
    private const string Columns = "id, department, text, updated_by AS UpdatedBy, updated_at AS UpdatedAt";

    private readonly TimeProvider _time;
    private volatile bool _seeded;

    /// <summary>Uses <paramref name="time"/> for the replies' timestamps.</summary>
    protected CannedReplyStore(TimeProvider time) => _time = time;

    /// <summary>An open connection.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A time as this provider stores it.</summary>
    protected abstract object Stamp(DateTimeOffset at);

    /// <summary>An open connection, the shipped defaults seeded first if the migration made the table just now.</summary>
    private async Task<DbConnection> ReadyAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        if (_seeded) return connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One winner even with several nodes: the row update is the claim.
        if (await connection.ExecuteAsync("UPDATE canned_replies_seed SET pending = FALSE WHERE pending;", transaction: transaction) == 1)
        {
            var now = Stamp(_time.GetUtcNow());
            foreach (var (department, texts) in Defaults())
                foreach (var text in texts)
                    await connection.ExecuteAsync("INSERT INTO canned_replies (department, text, updated_by, updated_at) VALUES (@department, @text, 'system', @now)",
                        new { department, text, now }, transaction);
        }
        await transaction.CommitAsync(cancellationToken);
        _seeded = true;
        return connection;
    }

    /// <summary>The replies an agent of <paramref name="department"/> sees: that department's first, then the common ones.</summary>
    public async Task<IReadOnlyList<CannedReply>> ForDepartmentAsync(string? department, CancellationToken cancellationToken = default)
    {
        await using var connection = await ReadyAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM canned_replies WHERE department = @department OR department = ''
            ORDER BY department = '', id;
            """, new { department = department ?? "" }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReply()).ToList();
    }

    /// <summary>Every reply, grouped by department.</summary>
    public async Task<IReadOnlyList<CannedReply>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await ReadyAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM canned_replies ORDER BY department, id;", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReply()).ToList();
    }

    /// <summary>One reply, or null.</summary>
    public async Task<CannedReply?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await ReadyAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM canned_replies WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        return row?.ToReply();
    }

    /// <summary>Adds a reply.</summary>
    /// <exception cref="ArgumentException">The fields fail <see cref="CannedReply.Check"/>.</exception>
    public async Task<CannedReply> AddAsync(string department, string text, string by, CancellationToken cancellationToken = default)
    {
        Require(department, text);
        await using var connection = await ReadyAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO canned_replies (department, text, updated_by, updated_at) VALUES (@department, @text, @by, @now) RETURNING id;
            """, new { department = department.Trim(), text = text.Trim(), by, now = Stamp(_time.GetUtcNow()) }, cancellationToken: cancellationToken));
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>Changes a reply; null when there is no such reply.</summary>
    /// <exception cref="ArgumentException">The fields fail <see cref="CannedReply.Check"/>.</exception>
    public async Task<CannedReply?> UpdateAsync(long id, string department, string text, string by, CancellationToken cancellationToken = default)
    {
        Require(department, text);
        await using var connection = await ReadyAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE canned_replies SET department = @department, text = @text, updated_by = @by, updated_at = @now WHERE id = @id;
            """, new { id, department = department.Trim(), text = text.Trim(), by, now = Stamp(_time.GetUtcNow()) }, cancellationToken: cancellationToken));
        return changed == 0 ? null : await GetAsync(id, cancellationToken);
    }

    /// <summary>Deletes a reply; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await ReadyAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM canned_replies WHERE id = @id;", new { id }, cancellationToken: cancellationToken)) == 1;
    }

    private static void Require(string department, string text)
    {
        if (CannedReply.Check(department, text) is { } problem) throw new ArgumentException(problem);
    }

    private static Dictionary<string, string[]> Defaults()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("GovAssistant.ChatHub.Agents.DefaultCannedReplies.json")
            ?? throw new InvalidOperationException("DefaultCannedReplies.json is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream) ?? [];
    }


    // Settable, so the timestamp can be either provider's type.
    private sealed class Row
    {
        public long Id { get; set; }
        public string Department { get; set; } = "";
        public string Text { get; set; } = "";
        public string UpdatedBy { get; set; } = "";
        public object UpdatedAt { get; set; } = "";

        public CannedReply ToReply() => new(Id, Department, Text, UpdatedBy, StoredTime.Read(UpdatedAt));
    }
}
