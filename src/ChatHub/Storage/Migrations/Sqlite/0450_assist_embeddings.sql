-- Embedding re-rank (Assist/EmbeddingCache.cs): one vector per entry text and embeddings model, so a restart or a
-- publish that left an entry unchanged costs no model call. text_hash is SHA-256 of the embedded text; revision is
-- the bank revision the vector was first computed for.
CREATE TABLE IF NOT EXISTS assist_embeddings (
    model      TEXT    NOT NULL,
    entry_id   TEXT    NOT NULL,
    text_hash  TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    dimensions INTEGER NOT NULL,
    vector     BLOB    NOT NULL,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (model, entry_id, text_hash)
);
