namespace GovAssistant.ChatHub.Storage;

/// <summary>
/// The few places where the host's SQL differs between SQLite and PostgreSQL, for stores whose statements are written
/// once for both: times (UTC ISO-8601 text vs <c>timestamptz</c>), JSON columns (text vs <c>jsonb</c>, so JSON text
/// parameters are cast on the way in) and list parameters (Dapper expands a list after <c>IN</c> into one parameter per
/// item on SQLite; Npgsql sends one array parameter).
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(postgres: false);
    public static readonly SqlDialect Postgres = new(postgres: true);

    private readonly bool _pg;

    private SqlDialect(bool postgres) => _pg = postgres;

    /// <summary>A time as this provider stores it.</summary>
    public object Stamp(DateTimeOffset at) => _pg ? at.ToUniversalTime() : StoredTime.Text(at);

    /// <summary>As <see cref="Stamp(DateTimeOffset)"/>, null for null.</summary>
    public object? Stamp(DateTimeOffset? at) => at is { } value ? Stamp(value) : null;

    /// <summary>The SQL expression storing the JSON text parameter <paramref name="parameter"/>.</summary>
    public string Json(string parameter) => _pg ? $"CAST({parameter} AS jsonb)" : parameter;

    /// <summary>The SQL condition "the left-hand side is one of the list <paramref name="parameter"/>", to follow a column.</summary>
    public string AnyOf(string parameter) => _pg ? $"= ANY({parameter})" : $"IN {parameter}";

    /// <summary>The SQL condition "the JSON array in <paramref name="column"/> holds the text <paramref name="parameter"/>".</summary>
    public string JsonArrayHolds(string column, string parameter) => _pg
        ? $"{column} @> jsonb_build_array(CAST({parameter} AS text))"
        : $"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = {parameter})";
}
