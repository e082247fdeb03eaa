-- 0013: PostgreSQL gains an index of titles for search (search_index.title_tsv); SQLite has had
-- one from the start (search_index_titles, migration 0003). Nothing to change here.
SELECT 1;
