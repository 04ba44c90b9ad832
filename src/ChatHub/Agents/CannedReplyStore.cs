using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Dapper;
using GovAssistant.ChatHub.Storage;

namespace GovAssistant.ChatHub.Agents;

/// <summary>
/// Canned replies in the <c>canned_replies</c> table of the service's SQLite file. A new database starts with the
/// defaults shipped in <c>DefaultCannedReplies.json</c>; after that the replies are whatever supervisors made them.
/// </summary>
public sealed class CannedReplyStore
{
    private const string Columns = "id, department, text, updated_by AS UpdatedBy, updated_at AS UpdatedAt";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Uses the service database <paramref name="database"/>, creating and seeding the table on first use.</summary>
    public CannedReplyStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var exists = connection.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'canned_replies'", transaction: transaction) > 0;
        if (exists) return;
        connection.Execute("""
            CREATE TABLE canned_replies (
                id INTEGER PRIMARY KEY AUTOINCREMENT, department TEXT NOT NULL, text TEXT NOT NULL,
                updated_by TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE INDEX canned_replies_department ON canned_replies (department);
            """, transaction: transaction);
        var now = Now();
        foreach (var (department, texts) in Defaults())
            foreach (var text in texts)
                connection.Execute("INSERT INTO canned_replies (department, text, updated_by, updated_at) VALUES (@department, @text, 'system', @now)",
                    new { department, text, now }, transaction);
        transaction.Commit();
    }

    /// <summary>The replies an agent of <paramref name="department"/> sees: that department's first, then the common ones.</summary>
    public async Task<IReadOnlyList<CannedReply>> ForDepartmentAsync(string? department, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.Open();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT {Columns} FROM canned_replies WHERE department = @department OR department = ''
            ORDER BY department = '', id;
            """, new { department = department ?? "" }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReply()).ToList();
    }

    /// <summary>Every reply, grouped by department.</summary>
    public async Task<IReadOnlyList<CannedReply>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = _database.Open();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM canned_replies ORDER BY department, id;", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReply()).ToList();
    }

    /// <summary>One reply, or null.</summary>
    public async Task<CannedReply?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.Open();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM canned_replies WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        return row?.ToReply();
    }

    /// <summary>Adds a reply.</summary>
    /// <exception cref="ArgumentException">The fields fail <see cref="CannedReply.Check"/>.</exception>
    public async Task<CannedReply> AddAsync(string department, string text, string by, CancellationToken cancellationToken = default)
    {
        Require(department, text);
        await using var connection = _database.Open();
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO canned_replies (department, text, updated_by, updated_at) VALUES (@department, @text, @by, @now);
            SELECT last_insert_rowid();
            """, new { department = department.Trim(), text = text.Trim(), by, now = Now() }, cancellationToken: cancellationToken));
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>Changes a reply; null when there is no such reply.</summary>
    /// <exception cref="ArgumentException">The fields fail <see cref="CannedReply.Check"/>.</exception>
    public async Task<CannedReply?> UpdateAsync(long id, string department, string text, string by, CancellationToken cancellationToken = default)
    {
        Require(department, text);
        await using var connection = _database.Open();
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE canned_replies SET department = @department, text = @text, updated_by = @by, updated_at = @now WHERE id = @id;
            """, new { id, department = department.Trim(), text = text.Trim(), by, now = Now() }, cancellationToken: cancellationToken));
        return changed == 0 ? null : await GetAsync(id, cancellationToken);
    }

    /// <summary>Deletes a reply; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = _database.Open();
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

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);


    private sealed record Row(long Id, string Department, string Text, string UpdatedBy, string UpdatedAt)
    {
        public CannedReply ToReply() => new(Id, Department, Text, UpdatedBy, DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture));
    }
}
