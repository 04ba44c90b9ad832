-- Model usage: one row per call.
CREATE TABLE IF NOT EXISTS assist_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, day TEXT NOT NULL, purpose TEXT NOT NULL,
    prompt_version TEXT NOT NULL, outcome TEXT NOT NULL, ms REAL NOT NULL,
    prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, entry_ids TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ix_assist_calls_day ON assist_calls (day);
