-- Messages to push to a channel user (WeChat customer-service sends), written in the same transaction as the message.
-- Senders on any node claim rows with FOR UPDATE SKIP LOCKED until claimed_until; an expired claim is taken again.
CREATE TABLE IF NOT EXISTS outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, conversation_id text NOT NULL, seq bigint NOT NULL, channel text NOT NULL,
    visitor_id text NOT NULL, created_at timestamptz NOT NULL, claimed_by text, claimed_until timestamptz, done_at timestamptz, outcome text,
    UNIQUE (conversation_id, seq));
CREATE INDEX IF NOT EXISTS ix_outbox_pending ON outbox(channel, id) WHERE done_at IS NULL;
