-- Append-only record of administrative actions.
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL, action text NOT NULL,
    target text, detail text);
CREATE INDEX audit_log_at ON audit_log (at);
