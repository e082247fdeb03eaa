-- 0016: when a document last changed in any way (every save stamps it). Each web server holds the
-- catalogue's list rows in memory and reads what changed since its last look by this column, so a
-- change made by another server or another process (an import from the command line) reaches it
-- within seconds. Documents saved before this migration keep the earliest time: a server loads them
-- all when it starts.
ALTER TABLE documents ADD COLUMN changed_at timestamp with time zone NOT NULL DEFAULT '0001-01-01 00:00:00+00';
CREATE INDEX ix_documents_changed_at ON documents (changed_at);
-- The planner's statistics for the new column: without them it expects a third of the table to match
-- and reads all of it every few seconds.
ANALYZE documents (changed_at);
