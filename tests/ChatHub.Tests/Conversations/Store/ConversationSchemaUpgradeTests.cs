using Dapper;
using GovAssistant.ChatHub.Conversations;
using GovAssistant.ChatHub.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace GovAssistant.ChatHub.Tests.Conversations.Store;

/// <summary>A database file written before migrations existed upgrades in place, its conversations intact.</summary>
public sealed class ConversationSchemaUpgradeTests
{
    [Fact]
    public async Task A_file_made_by_the_constructor_era_store_gains_versions_bot_context_and_outbox_and_keeps_its_rows()
    {
        using var folder = new TempFolder();
        var path = folder.File("old.db");
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            // The schema SqliteConversationStore's constructor created, with one queued conversation and its greeting.
            await old.ExecuteAsync("""
                CREATE TABLE conversations (
                    id TEXT PRIMARY KEY, visitor_id TEXT NOT NULL, channel TEXT NOT NULL, state TEXT NOT NULL,
                    category TEXT, department TEXT, agents TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
                    queued_at TEXT, accepted_at TEXT, closed_at TEXT, contact TEXT, rating INTEGER, rating_comment TEXT);
                CREATE INDEX ix_conversations_state ON conversations(state, queued_at);
                CREATE INDEX ix_conversations_visitor ON conversations(visitor_id);
                CREATE TABLE messages (
                    conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, sender TEXT NOT NULL, sender_id TEXT, sender_name TEXT,
                    text TEXT NOT NULL, at TEXT NOT NULL, channel TEXT NOT NULL, data TEXT,
                    PRIMARY KEY (conversation_id, seq));
                INSERT INTO conversations VALUES ('c-old', 'v-old', 'wechat', 'Queued', '居住证', '公安局', '[]',
                    '2025-11-02T08:00:00.0000000+00:00', '2025-11-02T08:01:00.0000000+00:00', '2025-11-02T08:01:00.0000000+00:00',
                    NULL, NULL, NULL, NULL, NULL);
                INSERT INTO messages VALUES ('c-old', 1, 'Bot', NULL, '智能助手', '您好！', '2025-11-02T08:00:00.0000000+00:00', 'wechat', NULL);
                """);
        }

        var store = new SqliteConversationStore(StoreFixtures.MigratedSqlite(path));

        var c = await store.GetAsync("c-old");
        Assert.NotNull(c);
        Assert.Equal((ConversationState.Queued, "居住证", 0L), (c.State, c.Category, c.Version));
        Assert.Null(await store.GetBotContextAsync("c-old"));
        c.Accept("agent-1", DateTimeOffset.UtcNow);
        await store.SaveAsync(c);
        Assert.Equal(1L, (await store.GetAsync("c-old"))!.Version);
        var reply = await store.AppendAsync(new NewMessage("c-old", SenderKind.Agent, "agent-1", "张敏", "您好，请讲。", DateTimeOffset.UtcNow, "wechat", Push: true));
        Assert.Equal(2L, reply.Seq);
        var pending = Assert.Single(await store.ClaimOutboxAsync("wechat", "node", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(1), 10));
        Assert.Equal(("v-old", "您好，请讲。"), (pending.VisitorId, pending.Message.Text));

        // Migrating again (the next start) changes nothing.
        var again = new SqliteConversationStore(StoreFixtures.MigratedSqlite(path));
        Assert.Equal(2, (await again.GetMessagesAsync("c-old", 0, includeNotes: true)).Count);
    }
}
