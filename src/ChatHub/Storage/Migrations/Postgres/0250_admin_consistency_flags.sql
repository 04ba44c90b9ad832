-- Pairs of bank answers that disagree, and reviewers' decisions on them.
CREATE TABLE consistency_flags (
    pair_key text PRIMARY KEY, first_id text NOT NULL, second_id text NOT NULL,
    first_department text, second_department text, similarity double precision NOT NULL,
    first_phrasing text NOT NULL, second_phrasing text NOT NULL, conflicts_json jsonb NOT NULL,
    fingerprint text NOT NULL, status text NOT NULL, detected_at timestamptz NOT NULL,
    decided_by text, decided_at timestamptz, decision_note text, draft_ids text);
