-- Embedding re-rank (Assist/EmbeddingCache.cs): one vector per entry text and embeddings model, so a restart or a
-- publish that left an entry unchanged costs no model call. text_hash is SHA-256 of the embedded text; revision is
-- the bank revision the vector was first computed for. The vector is little-endian float32 bytes.
CREATE TABLE IF NOT EXISTS assist_embeddings (
    model      text        NOT NULL,
    entry_id   text        NOT NULL,
    text_hash  text        NOT NULL,
    revision   bigint      NOT NULL,
    dimensions integer     NOT NULL,
    vector     bytea       NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (model, entry_id, text_hash)
);
