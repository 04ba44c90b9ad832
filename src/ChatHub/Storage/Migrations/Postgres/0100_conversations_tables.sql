-- Conversations (with their optimistic-concurrency version and the bot's context) and their messages.
CREATE TABLE IF NOT EXISTS conversations (
    id text PRIMARY KEY, visitor_id text NOT NULL, channel text NOT NULL, state text NOT NULL,
    category text, department text, agents jsonb NOT NULL DEFAULT '[]', created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
    queued_at timestamptz, accepted_at timestamptz, closed_at timestamptz, contact text, rating integer, rating_comment text,
    version bigint NOT NULL DEFAULT 0, bot_context jsonb);
CREATE INDEX IF NOT EXISTS ix_conversations_state ON conversations(state, queued_at);
CREATE INDEX IF NOT EXISTS ix_conversations_visitor ON conversations(visitor_id);
CREATE INDEX IF NOT EXISTS ix_conversations_created ON conversations(created_at);
CREATE INDEX IF NOT EXISTS ix_conversations_agents ON conversations USING gin (agents);
CREATE TABLE IF NOT EXISTS messages (
    conversation_id text NOT NULL, seq bigint NOT NULL, sender text NOT NULL, sender_id text, sender_name text,
    text text NOT NULL, at timestamptz NOT NULL, channel text NOT NULL, data text,
    PRIMARY KEY (conversation_id, seq));
