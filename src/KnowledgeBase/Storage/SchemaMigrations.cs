using System.Reflection;
using DbUp;
using DbUp.Engine;

namespace GovAssistant.KnowledgeBase.Storage;

/// <summary>
/// Versioned schema migrations, the one way any store's tables are created or changed. Each assembly owning tables
/// embeds its scripts as <c>Migrations/Sqlite/NNNN_context_what.sql</c> and <c>Migrations/Postgres/NNNN_….sql</c>
/// (numbered per assembly; run once each, in name order) and keeps its own journal table, so the bank and the host
/// evolve independently in one database. The first script of a context creates tables with <c>IF NOT EXISTS</c>:
/// a file made before migrations existed upgrades in place.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>Applies the scripts of <paramref name="owner"/> not yet run against the database; throws when one fails.</summary>
    /// <param name="provider">Which database the connection string names.</param>
    /// <param name="connectionString">ADO.NET connection string (Microsoft.Data.Sqlite or Npgsql).</param>
    /// <param name="owner">The assembly embedding the scripts.</param>
    /// <param name="journalTable">The table remembering which scripts ran, e.g. <c>bank_migrations</c>.</param>
    public static void Run(StorageProvider provider, string connectionString, Assembly owner, string journalTable)
    {
        var result = Engine(provider, connectionString, owner, journalTable).PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"数据库结构升级失败（{result.ErrorScript?.Name}）：{result.Error?.Message}", result.Error);
    }

    /// <summary>The scripts of <paramref name="owner"/> for <paramref name="provider"/> that have not run yet (for start-up logs).</summary>
    public static IReadOnlyList<string> Pending(StorageProvider provider, string connectionString, Assembly owner, string journalTable) =>
        Engine(provider, connectionString, owner, journalTable).GetScriptsToExecute().Select((SqlScript s) => s.Name).ToList();

    private static UpgradeEngine Engine(StorageProvider provider, string connectionString, Assembly owner, string journalTable)
    {
        var folder = provider == StorageProvider.Postgres ? ".Migrations.Postgres." : ".Migrations.Sqlite.";
        var builder = provider == StorageProvider.Postgres
            ? DeployChanges.To.PostgresqlDatabase(connectionString).JournalToPostgresqlTable("public", journalTable)
            : DeployChanges.To.SqliteDatabase(connectionString).JournalToSqliteTable(journalTable);
        return builder
            .WithScriptsEmbeddedInAssembly(owner, name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
    }
}
