using Npgsql;

namespace GovAssistant.ChatHub.Storage;

/// <summary>
/// The PostgreSQL database every store of the host shares when <c>Storage:Provider</c> is <c>postgres</c>: one pooled
/// data source for the process (Npgsql's recommended shape), disposed with the host.
/// </summary>
public sealed class PostgresDatabase(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    /// <summary>The connection string (migrations open their own connection with it).</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>An open pooled connection; dispose it when done.</summary>
    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        _source.OpenConnectionAsync(cancellationToken);

    /// <summary>An open pooled connection for code that cannot await.</summary>
    public NpgsqlConnection Open() => _source.OpenConnection();

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
