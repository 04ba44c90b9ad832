-- The bank on PostgreSQL: the same tables as Migrations/Sqlite/0001 with real types (timestamptz, date, jsonb).
-- Ids and policy names sort byte-wise (COLLATE "C") as SQLite's BINARY collation does, whatever the database locale.
CREATE TABLE IF NOT EXISTS entries (
    id                text COLLATE "C" PRIMARY KEY,
    question          text NOT NULL,
    similar_questions jsonb NOT NULL DEFAULT '[]',
    answer            text NOT NULL,
    category          text,
    department        text,
    region            text,
    tags              jsonb NOT NULL DEFAULT '[]',
    source            text,
    basis             text,
    valid_from        date,
    valid_to          date,
    status            text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    version           bigint NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_entries_status ON entries (status);
CREATE INDEX IF NOT EXISTS ix_entries_category ON entries (category);

CREATE TABLE IF NOT EXISTS entry_versions (
    entry_id    text COLLATE "C" NOT NULL,
    version     bigint NOT NULL,
    entry_json  jsonb NOT NULL,
    changed_by  text NOT NULL,
    changed_at  timestamptz NOT NULL,
    change_kind text NOT NULL,
    note        text,
    reviewed_by text,
    PRIMARY KEY (entry_id, version)
);

CREATE TABLE IF NOT EXISTS bank_state (
    id          integer PRIMARY KEY CHECK (id = 1),
    revision    bigint NOT NULL,
    revision_at timestamptz NOT NULL
);
INSERT INTO bank_state (id, revision, revision_at) VALUES (1, 0, '0001-01-01T00:00:00+00:00') ON CONFLICT (id) DO NOTHING;

CREATE TABLE IF NOT EXISTS drafts (
    number            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    base_entry_id     text COLLATE "C",
    base_version      bigint,
    proposed_json     jsonb NOT NULL,
    department        text,
    origin            text NOT NULL,
    note              text,
    status            text NOT NULL,
    batch_id          text,
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_by        text,
    updated_at        timestamptz NOT NULL,
    reviewed_by       text,
    reviewed_at       timestamptz,
    reject_reason     text,
    published_version bigint
);
CREATE INDEX IF NOT EXISTS ix_drafts_status ON drafts (status);
CREATE INDEX IF NOT EXISTS ix_drafts_base ON drafts (base_entry_id);

CREATE TABLE IF NOT EXISTS superseded_policies (
    basis    text COLLATE "C" PRIMARY KEY,
    note     text,
    added_by text NOT NULL,
    added_at timestamptz NOT NULL
);
