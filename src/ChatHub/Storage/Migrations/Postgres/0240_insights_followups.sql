-- Supervisors' follow-ups of badly rated conversations.
CREATE TABLE insight_followups (
    conversation_id text PRIMARY KEY, note text NOT NULL, actor text NOT NULL, at timestamptz NOT NULL);
