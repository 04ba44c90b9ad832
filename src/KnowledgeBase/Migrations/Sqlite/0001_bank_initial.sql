-- The bank as the in-code schema (schema_version 2) left it: IF NOT EXISTS throughout, so a file made before
-- versioned migrations upgrades in place (SqliteBankSchema adds the two history columns a version-1 file lacks).
-- Current entries (list fields as JSON arrays), their history, and the bank revision counter.
CREATE TABLE IF NOT EXISTS entries (
    id                TEXT PRIMARY KEY NOT NULL,
    question          TEXT NOT NULL,
    similar_questions TEXT NOT NULL DEFAULT '[]',
    answer            TEXT NOT NULL,
    category          TEXT,
    department        TEXT,
    region            TEXT,
    tags              TEXT NOT NULL DEFAULT '[]',
    source            TEXT,
    basis             TEXT,
    valid_from        TEXT,
    valid_to          TEXT,
    status            TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    version           INTEGER NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_entries_status ON entries (status);
CREATE INDEX IF NOT EXISTS ix_entries_category ON entries (category);

CREATE TABLE IF NOT EXISTS entry_versions (
    entry_id    TEXT NOT NULL,
    version     INTEGER NOT NULL,
    entry_json  TEXT NOT NULL,
    changed_by  TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    change_kind TEXT NOT NULL,
    note        TEXT,
    reviewed_by TEXT,
    PRIMARY KEY (entry_id, version)
);

CREATE TABLE IF NOT EXISTS bank_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    revision    INTEGER NOT NULL,
    revision_at TEXT NOT NULL
);
INSERT OR IGNORE INTO bank_state (id, revision, revision_at) VALUES (1, 0, '0001-01-01T00:00:00.0000000+00:00');

-- Review workflow: drafts awaiting a reviewer and the superseded policy list.
CREATE TABLE IF NOT EXISTS drafts (
    number            INTEGER PRIMARY KEY AUTOINCREMENT,
    base_entry_id     TEXT,
    base_version      INTEGER,
    proposed_json     TEXT NOT NULL,
    department        TEXT,
    origin            TEXT NOT NULL,
    note              TEXT,
    status            TEXT NOT NULL,
    batch_id          TEXT,
    created_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_by        TEXT,
    updated_at        TEXT NOT NULL,
    reviewed_by       TEXT,
    reviewed_at       TEXT,
    reject_reason     TEXT,
    published_version INTEGER
);
CREATE INDEX IF NOT EXISTS ix_drafts_status ON drafts (status);
CREATE INDEX IF NOT EXISTS ix_drafts_base ON drafts (base_entry_id);

CREATE TABLE IF NOT EXISTS superseded_policies (
    basis    TEXT PRIMARY KEY NOT NULL,
    note     TEXT,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
