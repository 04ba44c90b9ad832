-- Canned replies; the store seeds the defaults once while canned_replies_seed says so.
CREATE TABLE canned_replies_seed (pending boolean NOT NULL);
INSERT INTO canned_replies_seed VALUES (true);
CREATE TABLE canned_replies (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, department text NOT NULL, text text NOT NULL,
    updated_by text NOT NULL, updated_at timestamptz NOT NULL);
CREATE INDEX canned_replies_department ON canned_replies (department);
