-- 0013: search by title through an index of its own (issue 15: search p95 < 100 ms on PostgreSQL at
-- a million documents). A title-only match used to filter every document's whole tsvector by
-- weight A (no index keeps weights): the planner walked the table backwards by id for 72 s on
-- a phrase found in no title. title_tsv keeps the title's lexemes with their positions
-- (ts_filter to weight A), kept by the database itself, with its own GIN index, as SQLite has
-- search_index_titles beside search_index.
ALTER TABLE search_index ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (ts_filter(tsv, '{a}')) STORED;

CREATE INDEX ix_search_index_title_tsv ON search_index USING gin (title_tsv);
