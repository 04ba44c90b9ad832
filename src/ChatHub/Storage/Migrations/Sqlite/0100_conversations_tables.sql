-- Conversations and messages as the store created them before migrations existed: IF NOT EXISTS, so such a file upgrades in place.
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY, visitor_id TEXT NOT NULL, channel TEXT NOT NULL, state TEXT NOT NULL,
    category TEXT, department TEXT, agents TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    queued_at TEXT, accepted_at TEXT, closed_at TEXT, contact TEXT, rating INTEGER, rating_comment TEXT);
CREATE INDEX IF NOT EXISTS ix_conversations_state ON conversations(state, queued_at);
CREATE INDEX IF NOT EXISTS ix_conversations_visitor ON conversations(visitor_id);
CREATE TABLE IF NOT EXISTS messages (
    conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, sender TEXT NOT NULL, sender_id TEXT, sender_name TEXT,
    text TEXT NOT NULL, at TEXT NOT NULL, channel TEXT NOT NULL, data TEXT,
    PRIMARY KEY (conversation_id, seq));
