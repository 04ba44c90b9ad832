using Dapper;
using GovAssistant.ChatHub.Agents;
using GovAssistant.ChatHub.Audit;
using GovAssistant.ChatHub.Storage;
using GovAssistant.KnowledgeBase.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace GovAssistant.ChatHub.Tests.Storage;

/// <summary>A SQLite file made before the host's migrations existed upgrades in place, keeping every row.</summary>
public sealed class HostMigrationUpgradeTests
{
    // The tables exactly as the stores' constructors created them before the migrations (canned replies seeded).
    private const string TodaysSchema = """
        CREATE TABLE agents (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, password_hash TEXT NOT NULL, departments TEXT NOT NULL,
            roles TEXT NOT NULL, capacity INTEGER NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
            security_stamp TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        ALTER TABLE agents ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
        INSERT INTO agents VALUES ('admin', '管理员', 'x', '["*"]', '["admin"]', 5, 0, 's', '2026-01-01T00:00:00.0000000+00:00', '2026-01-01T00:00:00.0000000+00:00', 1);
        CREATE TABLE canned_replies (
            id INTEGER PRIMARY KEY AUTOINCREMENT, department TEXT NOT NULL, text TEXT NOT NULL,
            updated_by TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX canned_replies_department ON canned_replies (department);
        INSERT INTO canned_replies (department, text, updated_by, updated_at) VALUES ('', '我们自己改过的回复', 'sup', '2026-01-02T00:00:00.0000000+00:00');
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT, detail TEXT);
        CREATE INDEX audit_log_at ON audit_log (at);
        INSERT INTO audit_log (at, actor, action, target) VALUES ('2026-01-03T00:00:00.0000000+00:00', 'admin', 'bank.publish', 'rev-1');
        CREATE TABLE insight_questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, channel TEXT NOT NULL, conversation_id TEXT NOT NULL,
            question TEXT NOT NULL, decision TEXT NOT NULL, confidence REAL NOT NULL, entry_id TEXT, entry_question TEXT,
            category TEXT, department TEXT, candidates TEXT NOT NULL, choices TEXT NOT NULL, bot_seq INTEGER,
            picked_entry_id TEXT, escalated INTEGER NOT NULL DEFAULT 0, feedback INTEGER, rating INTEGER,
            handled_at TEXT, handled_by TEXT, handled_draft TEXT,
            suggestion_status TEXT, suggestion_by TEXT, suggestion_at TEXT, suggestion_draft TEXT);
        CREATE INDEX ix_insight_questions_at ON insight_questions (at);
        CREATE INDEX ix_insight_questions_conversation ON insight_questions (conversation_id, id);
        CREATE TABLE insight_followups (conversation_id TEXT PRIMARY KEY, note TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE consistency_flags (
            pair_key TEXT PRIMARY KEY NOT NULL, first_id TEXT NOT NULL, second_id TEXT NOT NULL,
            first_department TEXT, second_department TEXT, similarity REAL NOT NULL,
            first_phrasing TEXT NOT NULL, second_phrasing TEXT NOT NULL, conflicts_json TEXT NOT NULL,
            fingerprint TEXT NOT NULL, status TEXT NOT NULL, detected_at TEXT NOT NULL,
            decided_by TEXT, decided_at TEXT, decision_note TEXT, draft_ids TEXT);
        CREATE TABLE wechat_users (visitor_id TEXT PRIMARY KEY, app_id TEXT NOT NULL, open_id TEXT NOT NULL, seen_at TEXT NOT NULL);
        CREATE TABLE assist_calls (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, day TEXT NOT NULL, purpose TEXT NOT NULL,
            prompt_version TEXT NOT NULL, outcome TEXT NOT NULL, ms REAL NOT NULL,
            prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, entry_ids TEXT NOT NULL);
        CREATE INDEX ix_assist_calls_day ON assist_calls (day);
        """;

    [Fact]
    public async Task AFileMadeBeforeMigrationsKeepsItsAccountsRepliesAndAuditAndGetsNoSecondSetOfDefaults()
    {
        using var folder = new TempFolder();
        var path = folder.File("bank.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using (var old = new SqliteConnection(connectionString))
        {
            old.Open();
            old.Execute(TodaysSchema);
        }

        SchemaMigrations.Run(StorageProvider.Sqlite, connectionString, typeof(StorageOptions).Assembly, StorageServiceCollectionExtensions.JournalTable);
        var database = new SqliteDatabase(path);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-02-01T00:00:00Z"));

        var admin = (await new SqliteAgentAccountStore(database, time).GetAsync("admin"))!;
        Assert.Equal(("管理员", true), (admin.Name, admin.MustChangePassword));
        Assert.Equal(["我们自己改过的回复"], (await new SqliteCannedReplyStore(database, time).ListAsync()).Select(r => r.Text));
        var audit = new SqliteAuditLog(database, time);
        await audit.RecordAsync("admin", "agent.create", "li");
        Assert.Equal(["agent.create", "bank.publish"], (await audit.ListAsync(new AuditQuery())).Select(e => e.Action));
        Assert.DoesNotContain(SchemaMigrations.Pending(StorageProvider.Sqlite, connectionString, typeof(StorageOptions).Assembly,
            StorageServiceCollectionExtensions.JournalTable), name => name.Contains(".0200_", StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
    }
}
