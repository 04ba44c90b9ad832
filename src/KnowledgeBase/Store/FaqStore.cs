using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The bank, kept in a SQLite file: the current version of every entry, the history of every change, and a
/// revision number that grows with every change or publish so the answering engine knows when to re-index.
/// </summary>
/// <remarks>
/// Safe to share as a singleton: each operation opens its own (pooled) connection. The file runs in WAL mode, so
/// reads never wait for a write and see either all of an import or none of it. Writes within this process are queued;
/// another process writing the same file is waited for (up to the command timeout).
/// The store owns <see cref="FaqEntry.Version"/> and <see cref="FaqEntry.UpdatedAt"/>: the values passed in are ignored,
/// every saved change gets the next version number and the time of the change.
/// </remarks>
public sealed partial class FaqStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Opens (creating if needed) the bank at <see cref="KnowledgeBaseOptions.DatabasePath"/>.</summary>
    /// <param name="options">Where the file is.</param>
    /// <param name="time">Clock for change times; the system clock when null.</param>
    public FaqStore(KnowledgeBaseOptions options, TimeProvider? time = null)
        : this(ConnectionStringFor(options), time)
    {
    }

    /// <summary>
    /// Opens (creating if needed) the bank a SQLite connection string names, creating its folder, schema and WAL
    /// journal at once so a bad path fails at start-up. In-memory databases are not supported: every operation
    /// opens a fresh connection.
    /// </summary>
    /// <param name="connectionString">For example <c>Data Source=App_Data/govassistant.db</c>.</param>
    /// <param name="time">Clock for change times; the system clock when null.</param>
    public FaqStore(string connectionString, TimeProvider? time = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
            throw new ArgumentException("问答库需要一个数据库文件路径，不支持内存数据库。", nameof(connectionString));

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);

        _connectionString = builder.ToString();
        _time = time ?? TimeProvider.System;
        using var connection = Open();
        FaqStoreSchema.Apply(connection);
    }

    /// <summary>The entry with this id, whatever its status, or null.</summary>
    public async Task<FaqEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        var row = await connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            $"SELECT {EntryRow.Columns} FROM entries WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    /// <summary>The entries matching <paramref name="filter"/> (all of them when null), ordered by id.</summary>
    public async Task<IReadOnlyList<FaqEntry>> ListAsync(FaqFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new FaqFilter();
        var (where, parameters) = WhereOf(filter);
        parameters.Add("skip", Math.Max(0, filter.Skip));
        parameters.Add("take", filter.Take is { } take ? Math.Max(0, take) : -1); // LIMIT -1 is no limit
        var sql = $"SELECT {EntryRow.Columns} FROM entries{where} ORDER BY id LIMIT @take OFFSET @skip;";
        await using var connection = Open();
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <summary>How many entries match <paramref name="filter"/>, ignoring its paging.</summary>
    public async Task<int> CountAsync(FaqFilter filter, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = WhereOf(filter);
        await using var connection = Open();
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM entries{where};", parameters, cancellationToken: cancellationToken));
    }

    private static (string Where, DynamicParameters Parameters) WhereOf(FaqFilter filter)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (filter.Status is { } status) Add("status = @status", "status", EntryRow.FormatStatus(status));
        if (filter.Category is { } category) Add("category = @category", "category", category);
        if (filter.Department is { } department) Add("department = @department", "department", department);
        if (filter.Region is { } region) Add("region = @region", "region", region);
        if (filter.Source is { } source) Add("source = @source", "source", source);
        // Dates are stored as yyyy-MM-dd, so text order is date order.
        if (filter.ValidToOnOrBefore is { } before) Add("valid_to IS NOT NULL AND valid_to <= @before", "before", EntryRow.FormatDate(before)!);
        if (filter.ValidOn is { } on)
            Add("(valid_from IS NULL OR valid_from <= @on) AND (valid_to IS NULL OR valid_to >= @on)", "on", EntryRow.FormatDate(on)!);
        if (!string.IsNullOrEmpty(filter.Text))
            Add("(instr(id, @text) > 0 OR instr(question, @text) > 0 OR instr(similar_questions, @text) > 0 OR instr(answer, @text) > 0)",
                "text", filter.Text);
        return (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "", parameters);

        void Add(string condition, string name, object value)
        {
            where.Add(condition);
            parameters.Add(name, value);
        }
    }

    /// <summary>How many entries the bank holds, or only those with <paramref name="status"/>.</summary>
    public async Task<int> CountAsync(FaqStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM entries WHERE @status IS NULL OR status = @status;",
            new { status = status is { } s ? EntryRow.FormatStatus(s) : null }, cancellationToken: cancellationToken));
    }

    /// <summary>Every saved version of the entry, oldest first; empty for an unknown id.</summary>
    public async Task<IReadOnlyList<EntryVersion>> GetHistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        var rows = await connection.QueryAsync<(string Json, string Kind, string By, string At, string? Note, string? Reviewer)>(new CommandDefinition(
            "SELECT entry_json, change_kind, changed_by, changed_at, note, reviewed_by FROM entry_versions WHERE entry_id = @id ORDER BY version;",
            new { id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new EntryVersion(
            FaqJson.Deserialize(r.Json), Enum.Parse<ChangeKind>(r.Kind), r.By,
            DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)) { Note = r.Note, ReviewedBy = r.Reviewer })];
    }

    /// <summary>The current revision: changes whenever the bank or its published snapshot does. Cheap to poll.</summary>
    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT revision FROM bank_state WHERE id = 1;", cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The published entries (validity dates not applied: the engine checks them per answer) with the current revision
    /// and the time that revision was made, read consistently even while an import runs.
    /// </summary>
    public async Task<BankSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        // One read transaction: in WAL mode it sees a single committed state for both queries.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var state = await connection.QuerySingleAsync<(long Revision, string At)>(new CommandDefinition(
            "SELECT revision, revision_at FROM bank_state WHERE id = 1;", transaction: transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"SELECT {EntryRow.Columns} FROM entries WHERE status = 'published' ORDER BY id;",
            transaction: transaction, cancellationToken: cancellationToken));
        var entries = rows.Select(r => r.ToEntry()).ToList();
        await transaction.CommitAsync(cancellationToken);
        return new BankSnapshot(entries, state.Revision,
            DateTimeOffset.Parse(state.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    /// <summary>
    /// Starts a new revision without changing any entry and returns the snapshot of it. Changes are already visible
    /// in <see cref="GetSnapshotAsync"/> once saved; publishing is how an editor tells the engine to rebuild now.
    /// </summary>
    public async Task<BankSnapshot> PublishAsync(CancellationToken cancellationToken = default)
    {
        await WriteAsync((connection, transaction) => BumpRevision(connection, transaction), cancellationToken);
        return await GetSnapshotAsync(cancellationToken);
    }

    private static string ConnectionStringFor(KnowledgeBaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        return new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.DatabasePath) }.ToString();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE transaction, one writer at a time; rolls back if it throws.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            // IMMEDIATE takes the write lock at once, so a read-then-write cannot fail half way with SQLITE_BUSY.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private long BumpRevision(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.ExecuteScalar<long>(
            "UPDATE bank_state SET revision = revision + 1, revision_at = @at WHERE id = 1 RETURNING revision;",
            new { at = EntryRow.FormatTime(_time.GetUtcNow()) }, transaction);
}
