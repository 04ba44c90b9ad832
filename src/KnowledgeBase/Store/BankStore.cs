using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// The bank's behaviour, written once for both databases: the current version of every entry, the history of every
/// change, drafts under review, superseded policies, and a revision number that grows with every change or publish so
/// the answering engine knows when to re-index. <see cref="FaqStore"/> (SQLite) and <see cref="PostgresBankStore"/>
/// supply connections, the write transaction and the few dialect differences (<see cref="BankSql"/>).
/// </summary>
/// <remarks>
/// The store owns <see cref="FaqEntry.Version"/> and <see cref="FaqEntry.UpdatedAt"/>: the values passed in are ignored,
/// every saved change gets the next version number and the time of the change. Writers run one at a time (per database,
/// not per process), so read-then-write steps never interleave and the revision only grows.
/// </remarks>
public abstract partial class BankStore : IBankStore
{
    private protected BankStore(TimeProvider? time) => Time = time ?? TimeProvider.System;

    /// <summary>Clock for change times.</summary>
    private protected TimeProvider Time { get; }

    /// <summary>The SQL dialect of the database.</summary>
    private protected abstract BankSql Sql { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    private protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A read transaction that sees one committed state for all its queries.</summary>
    private protected abstract ValueTask<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction, one writer at a time; rolls back if it throws.</summary>
    private protected abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken);

    /// <summary>Saves entry versions (current row and history row) inside <paramref name="transaction"/>.</summary>
    private protected abstract IEntryWriter NewWriter(DbConnection connection, DbTransaction transaction);

    /// <summary>Now, at the precision the database keeps times.</summary>
    private protected virtual DateTimeOffset Now() => Time.GetUtcNow();

    /// <inheritdoc />
    public async Task<FaqEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EntryRow>(new CommandDefinition(
            $"SELECT {Sql.EntryColumns} FROM entries WHERE id = @id;", new { id }, cancellationToken: cancellationToken));
        return row?.ToEntry();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FaqEntry>> ListAsync(FaqFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new FaqFilter();
        var (where, parameters) = WhereOf(filter);
        parameters.Add("skip", Math.Max(0, filter.Skip));
        parameters.Add("take", filter.Take is { } take ? Math.Max(0, take) : Sql.NoLimit, DbType.Int64);
        var sql = $"SELECT {Sql.EntryColumns} FROM entries{where} ORDER BY id LIMIT @take OFFSET @skip;";
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(FaqFilter filter, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = WhereOf(filter);
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM entries{where};", parameters, cancellationToken: cancellationToken));
    }

    private (string Where, DynamicParameters Parameters) WhereOf(FaqFilter filter)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (filter.Status is { } status) Add("status = @status", "status", EntryRow.FormatStatus(status));
        if (filter.Category is { } category) Add("category = @category", "category", category);
        if (filter.Department is { } department) Add("department = @department", "department", department);
        if (filter.Region is { } region) Add("region = @region", "region", region);
        if (filter.Source is { } source) Add("source = @source", "source", source);
        // SQLite stores dates as yyyy-MM-dd, so text order is date order; PostgreSQL compares dates.
        if (filter.ValidToOnOrBefore is { } before)
            Add($"valid_to IS NOT NULL AND valid_to <= {Sql.Date("@before")}", "before", EntryRow.FormatDate(before)!);
        if (filter.ValidOn is { } on)
            Add($"(valid_from IS NULL OR valid_from <= {Sql.Date("@on")}) AND (valid_to IS NULL OR valid_to >= {Sql.Date("@on")})", "on", EntryRow.FormatDate(on)!);
        if (!string.IsNullOrEmpty(filter.Text))
            Add($"({Sql.Contains("id", "@text")} OR {Sql.Contains("question", "@text")} OR {Sql.Contains("similar_questions", "@text")} OR {Sql.Contains("answer", "@text")})",
                "text", filter.Text);
        return (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "", parameters);

        void Add(string condition, string name, object value)
        {
            where.Add(condition);
            parameters.Add(name, value);
        }
    }

    /// <inheritdoc />
    public async Task<int> CountAsync(FaqStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM entries WHERE @status IS NULL OR status = @status;",
            new { status = status is { } s ? EntryRow.FormatStatus(s) : null }, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EntryVersion>> GetHistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Json, string Kind, string By, string At, string? Note, string? Reviewer)>(new CommandDefinition(
            $"SELECT {Sql.JsonColumn("entry_json")}, change_kind, changed_by, {Sql.TimeColumn("changed_at")}, note, reviewed_by " +
            "FROM entry_versions WHERE entry_id = @id ORDER BY version;",
            new { id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new EntryVersion(
            FaqJson.Deserialize(r.Json), Enum.Parse<ChangeKind>(r.Kind), r.By, ParseTime(r.At)) { Note = r.Note, ReviewedBy = r.Reviewer })];
    }

    /// <inheritdoc />
    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT revision FROM bank_state WHERE id = 1;", cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<BankSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // One read transaction sees a single committed state for both queries.
        await using var transaction = await BeginSnapshotAsync(connection, cancellationToken);
        var state = await connection.QuerySingleAsync<(long Revision, string At)>(new CommandDefinition(
            $"SELECT revision, {Sql.TimeColumn("revision_at")} FROM bank_state WHERE id = 1;", transaction: transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<EntryRow>(new CommandDefinition(
            $"SELECT {Sql.EntryColumns} FROM entries WHERE status = 'published' ORDER BY id;",
            transaction: transaction, cancellationToken: cancellationToken));
        var entries = rows.Select(r => r.ToEntry()).ToList();
        await transaction.CommitAsync(cancellationToken);
        return new BankSnapshot(entries, state.Revision, ParseTime(state.At));
    }

    /// <inheritdoc />
    public async Task<BankSnapshot> PublishAsync(CancellationToken cancellationToken = default)
    {
        await WriteAsync((connection, transaction) => BumpRevision(connection, transaction), cancellationToken);
        return await GetSnapshotAsync(cancellationToken);
    }

    private protected long BumpRevision(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteScalar<long>(
            $"UPDATE bank_state SET revision = revision + 1, revision_at = {Sql.Time("@at")} WHERE id = 1 RETURNING revision;",
            new { at = EntryRow.FormatTime(Now()) }, transaction);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
