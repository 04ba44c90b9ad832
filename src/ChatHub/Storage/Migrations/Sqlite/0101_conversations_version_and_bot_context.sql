-- Optimistic concurrency: every transition saves WHERE version = the version read, so two nodes cannot both accept.
ALTER TABLE conversations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
-- The bot's memory of the conversation (topic, misses in a row, a 👎 waiting), JSON, so any node continues it.
ALTER TABLE conversations ADD COLUMN bot_context TEXT;
