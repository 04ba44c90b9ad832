-- Staff accounts; departments and roles are JSON arrays of names.
CREATE TABLE agents (
    id text PRIMARY KEY, name text NOT NULL, password_hash text NOT NULL, departments jsonb NOT NULL,
    roles jsonb NOT NULL, capacity integer NOT NULL, disabled boolean NOT NULL DEFAULT false,
    security_stamp text NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
    must_change_password boolean NOT NULL DEFAULT false);
