namespace GovAssistant.KnowledgeBase.Tests.Store;

/// <summary>
/// The SQL the bank ran before versioned migrations (FaqStoreSchema, schema_version 1 and 2), verbatim, with a few rows
/// as that code wrote them: a file from an installed service, to prove it upgrades in place.
/// </summary>
internal static class LegacySchema
{
    public const string Version1 = """
        CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL);
        CREATE TABLE entries (
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
        CREATE INDEX ix_entries_status ON entries (status);
        CREATE INDEX ix_entries_category ON entries (category);

        CREATE TABLE entry_versions (
            entry_id    TEXT NOT NULL,
            version     INTEGER NOT NULL,
            entry_json  TEXT NOT NULL,
            changed_by  TEXT NOT NULL,
            changed_at  TEXT NOT NULL,
            change_kind TEXT NOT NULL,
            PRIMARY KEY (entry_id, version)
        );

        CREATE TABLE bank_state (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            revision    INTEGER NOT NULL,
            revision_at TEXT NOT NULL
        );
        INSERT INTO bank_state (id, revision, revision_at) VALUES (1, 0, '0001-01-01T00:00:00.0000000+00:00');
        INSERT INTO schema_version VALUES (1, '2025-01-01T00:00:00.0000000+00:00');
        """;

    public const string Version2 = """
        CREATE TABLE drafts (
            number           INTEGER PRIMARY KEY AUTOINCREMENT,
            base_entry_id    TEXT,
            base_version     INTEGER,
            proposed_json    TEXT NOT NULL,
            department       TEXT,
            origin           TEXT NOT NULL,
            note             TEXT,
            status           TEXT NOT NULL,
            batch_id         TEXT,
            created_by       TEXT NOT NULL,
            created_at       TEXT NOT NULL,
            updated_by       TEXT,
            updated_at       TEXT NOT NULL,
            reviewed_by      TEXT,
            reviewed_at      TEXT,
            reject_reason    TEXT,
            published_version INTEGER
        );
        CREATE INDEX ix_drafts_status ON drafts (status);
        CREATE INDEX ix_drafts_base ON drafts (base_entry_id);

        ALTER TABLE entry_versions ADD COLUMN note TEXT;
        ALTER TABLE entry_versions ADD COLUMN reviewed_by TEXT;

        CREATE TABLE superseded_policies (
            basis    TEXT PRIMARY KEY NOT NULL,
            note     TEXT,
            added_by TEXT NOT NULL,
            added_at TEXT NOT NULL
        );
        INSERT INTO schema_version VALUES (2, '2025-01-01T00:00:00.0000000+00:00');
        """;

    /// <summary>Entry OLD-1 at version 3 with one history row, and the revision at 7.</summary>
    public const string Rows = """
        INSERT INTO entries VALUES ('OLD-1', '旧问题？', '["旧问法"]', '旧答案。', '户籍', NULL, NULL, '[]', NULL, NULL,
                                    NULL, '2026-12-31', 'published', 3, '2025-03-04T09:30:00.0000000+00:00');
        INSERT INTO entry_versions (entry_id, version, entry_json, changed_by, changed_at, change_kind)
        VALUES ('OLD-1', 3, '{"id":"OLD-1","question":"旧问题？","similarQuestions":["旧问法"],"answer":"旧答案。","category":"户籍","tags":[],"validTo":"2026-12-31","status":"published","version":3,"updatedAt":"2025-03-04T09:30:00+00:00"}',
                '张三', '2025-03-04T09:30:00.0000000+00:00', 'Updated');
        UPDATE bank_state SET revision = 7, revision_at = '2025-03-04T09:30:00.0000000+00:00';
        """;

    /// <summary>A pending draft D-5 of OLD-1, the history row's reviewer, and one superseded policy.</summary>
    public const string Version2Rows = """
        UPDATE entry_versions SET note = '旧备注', reviewed_by = '审核人';
        INSERT INTO sqlite_sequence (name, seq) VALUES ('drafts', 4);
        INSERT INTO drafts (number, base_entry_id, base_version, proposed_json, origin, status, created_by, created_at, updated_at)
        VALUES (5, 'OLD-1', 3, '{"id":"OLD-1","question":"旧问题？","similarQuestions":["旧问法"],"answer":"草稿答案。","category":"户籍","tags":[],"status":"published","version":3}',
                'editor', 'pending', '李四', '2025-03-05T09:30:00.0000000+00:00', '2025-03-05T09:30:00.0000000+00:00');
        INSERT INTO superseded_policies VALUES ('《旧条例》', NULL, 'admin', '2025-03-05T09:30:00.0000000+00:00');
        """;
}
