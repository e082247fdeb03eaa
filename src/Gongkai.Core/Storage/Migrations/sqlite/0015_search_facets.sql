-- 0015: PostgreSQL's search index gains a facets column, indexed beside the words; SQLite's FTS5
-- table has had one from the start (migration 0003). Both gain indexes of the few documents with a
-- repeal or an expiry date, for search's filters 已废止 and 已失效.
CREATE INDEX ix_documents_repealed_on ON documents (repealed_on, id) WHERE repealed_on IS NOT NULL;
CREATE INDEX ix_documents_valid_until ON documents (valid_until, id) WHERE valid_until IS NOT NULL;
