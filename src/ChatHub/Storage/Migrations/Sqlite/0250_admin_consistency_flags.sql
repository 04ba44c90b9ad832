-- Pairs of bank answers that disagree, and reviewers' decisions on them.
CREATE TABLE IF NOT EXISTS consistency_flags (
    pair_key TEXT PRIMARY KEY NOT NULL, first_id TEXT NOT NULL, second_id TEXT NOT NULL,
    first_department TEXT, second_department TEXT, similarity REAL NOT NULL,
    first_phrasing TEXT NOT NULL, second_phrasing TEXT NOT NULL, conflicts_json TEXT NOT NULL,
    fingerprint TEXT NOT NULL, status TEXT NOT NULL, detected_at TEXT NOT NULL,
    decided_by TEXT, decided_at TEXT, decision_note TEXT, draft_ids TEXT);
