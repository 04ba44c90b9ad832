-- Staff accounts. IF NOT EXISTS: a file made before migrations keeps its table (it already has every column).
CREATE TABLE IF NOT EXISTS agents (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, password_hash TEXT NOT NULL, departments TEXT NOT NULL,
    roles TEXT NOT NULL, capacity INTEGER NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
    security_stamp TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0);
