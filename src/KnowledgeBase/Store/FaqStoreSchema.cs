using Dapper;
using Microsoft.Data.Sqlite;

namespace GovAssistant.KnowledgeBase;

/// <summary>
/// Creates and upgrades the store's tables. Each migration runs once, in order, inside a transaction, and is
/// recorded in <c>schema_version</c>; to change the schema, append a migration — never edit a shipped one.
/// </summary>
internal static class FaqStoreSchema
{
    private static readonly string[] Migrations =
    [
        // 1: current entries (list fields as JSON arrays), their history, and the bank revision counter.
        """
        CREATE TABLE entries (
            id                TEXT PRIMARY KEY NOT NULL,
            question          TEXT NOT NULL,
            similar_questions TEXT NOT NULL DEFAULT '[]',
            answer            TEXT NOT NULL,
            category          TEXT,
            department        TEXT,
            region            TEXT,
            tags              TEXT NOT NULL DEFAULT '[]',
            source            TEXT,
            basis             TEXT,
            valid_from        TEXT,
            valid_to          TEXT,
            status            TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
            version           INTEGER NOT NULL,
            updated_at        TEXT NOT NULL
        );
        CREATE INDEX ix_entries_status ON entries (status);
        CREATE INDEX ix_entries_category ON entries (category);

        CREATE TABLE entry_versions (
            entry_id    TEXT NOT NULL,
            version     INTEGER NOT NULL,
            entry_json  TEXT NOT NULL,
            changed_by  TEXT NOT NULL,
            changed_at  TEXT NOT NULL,
            change_kind TEXT NOT NULL,
            PRIMARY KEY (entry_id, version)
        );

        CREATE TABLE bank_state (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            revision    INTEGER NOT NULL,
            revision_at TEXT NOT NULL
        );
        INSERT INTO bank_state (id, revision, revision_at) VALUES (1, 0, '0001-01-01T00:00:00.0000000+00:00');
        """,
        // 2: review workflow: drafts awaiting a reviewer, what each version was about, and the superseded policy list.
        """
        CREATE TABLE drafts (
            number           INTEGER PRIMARY KEY AUTOINCREMENT,
            base_entry_id    TEXT,
            base_version     INTEGER,
            proposed_json    TEXT NOT NULL,
            department       TEXT,
            origin           TEXT NOT NULL,
            note             TEXT,
            status           TEXT NOT NULL,
            batch_id         TEXT,
            created_by       TEXT NOT NULL,
            created_at       TEXT NOT NULL,
            updated_by       TEXT,
            updated_at       TEXT NOT NULL,
            reviewed_by      TEXT,
            reviewed_at      TEXT,
            reject_reason    TEXT,
            published_version INTEGER
        );
        CREATE INDEX ix_drafts_status ON drafts (status);
        CREATE INDEX ix_drafts_base ON drafts (base_entry_id);

        ALTER TABLE entry_versions ADD COLUMN note TEXT;
        ALTER TABLE entry_versions ADD COLUMN reviewed_by TEXT;

        CREATE TABLE superseded_policies (
            basis    TEXT PRIMARY KEY NOT NULL,
            note     TEXT,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        """,
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Switches the file to WAL (readers never wait for the writer) and applies the pending migrations.</summary>
    public static void Apply(SqliteConnection connection)
    {
        // WAL is a property of the file, so setting it once here covers every later connection.
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);");

        // IMMEDIATE, so two processes starting together cannot both apply the same migration.
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version;", transaction: transaction);
        if (current > LatestVersion)
            throw new InvalidOperationException(
                $"数据库结构版本为 {current}，高于本程序支持的 {LatestVersion}：请升级程序，或改用与之匹配的数据库文件。");

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            connection.Execute(Migrations[version - 1], transaction: transaction);
            connection.Execute("INSERT INTO schema_version (version, applied_at) VALUES (@version, @at);",
                new { version, at = DateTimeOffset.UtcNow.ToString("O") }, transaction);
        }

        transaction.Commit();
    }
}
