-- Messages to push to a channel user (WeChat customer-service sends), written in the same transaction as the message.
-- A sender claims a row until claimed_until; a claim that expires (the sender died) is taken again.
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, channel TEXT NOT NULL,
    visitor_id TEXT NOT NULL, created_at TEXT NOT NULL, claimed_by TEXT, claimed_until TEXT, done_at TEXT, outcome TEXT,
    UNIQUE (conversation_id, seq));
CREATE INDEX IF NOT EXISTS ix_outbox_pending ON outbox(channel, done_at, id);
