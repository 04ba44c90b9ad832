-- Supervisors' follow-ups of badly rated conversations.
CREATE TABLE IF NOT EXISTS insight_followups (
    conversation_id TEXT PRIMARY KEY, note TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL);
