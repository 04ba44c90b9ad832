-- Every question asked, masked, with the engine's decision and what followed.
CREATE TABLE insight_questions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, channel text NOT NULL, conversation_id text NOT NULL,
    question text NOT NULL, decision text NOT NULL, confidence double precision NOT NULL, entry_id text, entry_question text,
    category text, department text, candidates jsonb NOT NULL, choices jsonb NOT NULL, bot_seq bigint,
    picked_entry_id text, escalated boolean NOT NULL DEFAULT false, feedback integer, rating integer,
    handled_at timestamptz, handled_by text, handled_draft text,
    suggestion_status text, suggestion_by text, suggestion_at timestamptz, suggestion_draft text);
CREATE INDEX ix_insight_questions_at ON insight_questions (at);
CREATE INDEX ix_insight_questions_conversation ON insight_questions (conversation_id, id);
