-- 0015: search filters through the full-text indexes (issue 15: search p95 < 100 ms on PostgreSQL
-- at a million documents). A filtered search joined each document matching the words (7,000 for
-- a theme such as 住房公积金) to the documents table to test its agency or year, after reading each
-- one's whole out-of-line tsvector to check the phrase: about a second. Now the filter values are
-- lexemes of a facets column, as SQLite's search_index has a facets column ('_ag18', '_ct48',
-- '_tpfinanceandaudit', '_kdnormativedocument', '_yr2026': '_' never starts a query token), and
-- both GIN indexes hold them beside the words, so one index scan finds the few hundred documents
-- matching words and filters alike (docs/decisions/0030).
--
-- The table is written anew rather than updated: an UPDATE leaves every old row version behind,
-- and the indexes built in the same transaction would hold those too (twice the size, and twice
-- the rows read by every search until a VACUUM). Written in id order, the newest documents (which
-- newest-first pages read) sit together. On the benchmark's 1,000,143 documents this took 2 min 30 s
-- to 3 min 10 s in three runs on two cores shared with other work (copying the 4.6 GB of tsvectors
-- and building the tsvector index are most of it), and it needs the table's size again in free disk
-- space while it runs.
SET LOCAL maintenance_work_mem = '256MB';

CREATE TABLE search_index_facets (
    document_id integer NOT NULL,
    tsv tsvector NOT NULL,
    title_tsv tsvector GENERATED ALWAYS AS (ts_filter(tsv, '{a}')) STORED,
    facets tsvector NOT NULL
);

-- SearchFilters.FacetTokens: the same tokens, lower case as ToLowerInvariant gives (COLLATE "C").
INSERT INTO search_index_facets (document_id, tsv, facets)
SELECT s.document_id, s.tsv, array_to_tsvector(array_remove(ARRAY[
    '_ag' || d.agency_id,
    '_ct' || d.category_id,
    '_tp' || lower(d.topic COLLATE "C"),
    '_kd' || lower(d.kind COLLATE "C"),
    '_yr' || extract(year FROM d.published_on)::integer], NULL))
FROM search_index s
JOIN documents d ON d.id = s.document_id
ORDER BY s.document_id;

DROP TABLE search_index;
ALTER TABLE search_index_facets RENAME TO search_index;
ALTER TABLE search_index ADD CONSTRAINT pk_search_index PRIMARY KEY (document_id);
ALTER TABLE search_index ADD CONSTRAINT fk_search_index_documents_document_id
    FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE;
CREATE INDEX ix_search_index_tsv ON search_index USING gin (tsv, facets);
CREATE INDEX ix_search_index_title_tsv ON search_index USING gin (title_tsv, facets);

ANALYZE search_index;

-- The filters 已废止 and 已失效 compare a date with today, so they stay with the documents: these
-- indexes let a search start from the few documents with a repeal or an expiry date (under 1% of
-- the benchmark's) instead of testing each document matching a common word (通知 with 已失效: 1.0 s,
-- now 0.09 s).
CREATE INDEX ix_documents_repealed_on ON documents (repealed_on, id) WHERE repealed_on IS NOT NULL;
CREATE INDEX ix_documents_valid_until ON documents (valid_until, id) WHERE valid_until IS NOT NULL;
