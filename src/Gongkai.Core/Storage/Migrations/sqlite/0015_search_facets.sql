-- 0015: PostgreSQL's search index gains a facets column, indexed beside the words; SQLite's FTS5
-- table has had one from the start (migration 0003). Nothing to change here.
SELECT 1;
