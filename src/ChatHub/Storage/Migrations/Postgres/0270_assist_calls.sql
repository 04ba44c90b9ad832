-- Model usage: one row per call; day is the UTC date the dashboard groups by.
CREATE TABLE assist_calls (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, day date NOT NULL, purpose text NOT NULL,
    prompt_version text NOT NULL, outcome text NOT NULL, ms double precision NOT NULL,
    prompt_tokens integer NOT NULL, completion_tokens integer NOT NULL, entry_ids text NOT NULL);
CREATE INDEX ix_assist_calls_day ON assist_calls (day);
