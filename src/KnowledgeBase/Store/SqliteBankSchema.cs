using Dapper;
using Microsoft.Data.Sqlite;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// What the SQLite bank needs before its migrations (Migrations/Sqlite, journal <see cref="JournalTable"/>) run:
/// WAL mode, and the one step of the old in-code schema that a versioned script cannot express in SQLite.
/// </summary>
internal static class SqliteBankSchema
{
    /// <summary>The journal of the bank's migrations (the host keeps its own).</summary>
    public const string JournalTable = "bank_migrations";

    /// <summary>Switches the file to WAL and brings a file of the oldest in-code schema up to the shape script 0001 expects.</summary>
    public static void Prepare(SqliteConnection connection)
    {
        // WAL is a property of the file, so setting it once here covers every later connection.
        connection.Execute("PRAGMA journal_mode = WAL;");

        // Files made before migrations were versioned recorded their schema in schema_version (1 or 2). Version 1 lacks
        // two history columns, and SQLite has no ADD COLUMN IF NOT EXISTS: add them here; 0001 creates the rest.
        // IMMEDIATE, so two processes starting together cannot both add a column.
        using var transaction = connection.BeginTransaction(deferred: false);
        var historyColumns = connection.Query<string>("SELECT name FROM pragma_table_info('entry_versions');", transaction: transaction).ToList();
        if (historyColumns.Count > 0 && !historyColumns.Contains("note")) connection.Execute("ALTER TABLE entry_versions ADD COLUMN note TEXT;", transaction: transaction);
        if (historyColumns.Count > 0 && !historyColumns.Contains("reviewed_by")) connection.Execute("ALTER TABLE entry_versions ADD COLUMN reviewed_by TEXT;", transaction: transaction);
        transaction.Commit();
    }
}
