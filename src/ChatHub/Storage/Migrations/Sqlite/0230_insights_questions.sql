-- Every question asked, masked, with the engine's decision and what followed.
CREATE TABLE IF NOT EXISTS insight_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, channel TEXT NOT NULL, conversation_id TEXT NOT NULL,
    question TEXT NOT NULL, decision TEXT NOT NULL, confidence REAL NOT NULL, entry_id TEXT, entry_question TEXT,
    category TEXT, department TEXT, candidates TEXT NOT NULL, choices TEXT NOT NULL, bot_seq INTEGER,
    picked_entry_id TEXT, escalated INTEGER NOT NULL DEFAULT 0, feedback INTEGER, rating INTEGER,
    handled_at TEXT, handled_by TEXT, handled_draft TEXT,
    suggestion_status TEXT, suggestion_by TEXT, suggestion_at TEXT, suggestion_draft TEXT);
CREATE INDEX IF NOT EXISTS ix_insight_questions_at ON insight_questions (at);
CREATE INDEX IF NOT EXISTS ix_insight_questions_conversation ON insight_questions (conversation_id, id);
