using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GovAssistant.Tests.Shared;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by <c>GOVASSISTANT_TEST_POSTGRES</c> (an administrator's
/// connection string), or else a throwaway cluster this process creates with Debian's <c>initdb</c> in a temporary
/// folder, on a free loopback port, and stops when the test process exits. Each test asks for its own empty database
/// (<see cref="CreateDatabaseAsync"/>), so tests never see each other's rows.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Admin = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The administrator's connection string of the server (started on first use).</summary>
    public static string AdminConnectionString => Admin.Value;

    /// <summary>Creates an empty database and returns its connection string; drop it with <see cref="DropDatabaseAsync"/>.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string StartOrFind()
    {
        var given = Environment.GetEnvironmentVariable("GOVASSISTANT_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given)) return given;

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL tests need a server: install Debian's postgresql package (apt-get install postgresql) " +
            "or set GOVASSISTANT_TEST_POSTGRES to an administrator's connection string.");
        var folder = Path.Combine(Path.GetTempPath(), "govassistant-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        // initdb and postgres refuse to run as root: the cluster then belongs to Debian's postgres user.
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres:postgres {folder}", null);
        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", asRoot);
        Run(Path.Combine(bin, "pg_ctl"),
            $"-D {data} -l {Path.Combine(folder, "server.log")} -w -t 60 " +
            $"-o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start",
            asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate stop", asRoot);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception)
            {
                // The process is ending; a left-over temporary folder is all that can remain.
            }
        };
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = true, MaxPoolSize = 50,
        }.ToString();
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => b, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static void Run(string file, string arguments, bool? asPostgres)
    {
        var start = asPostgres == true
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
