-- Canned replies. The defaults are seeded by the store (from DefaultCannedReplies.json) only into a table this script
-- creates: canned_replies_seed remembers whether the table is new, so a file whose supervisors deleted every reply
-- does not get the defaults back.
CREATE TABLE canned_replies_seed AS
    SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'canned_replies') AS pending;
CREATE TABLE IF NOT EXISTS canned_replies (
    id INTEGER PRIMARY KEY AUTOINCREMENT, department TEXT NOT NULL, text TEXT NOT NULL,
    updated_by TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS canned_replies_department ON canned_replies (department);
