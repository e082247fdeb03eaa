-- 0003 Catalogue: documents of the proactive catalogue (主动公开目录) with their attachments,
-- history and 索引号 counters; the agencies' 公开目录 categories; the 错敏词 list; the counts
-- the portal's facets read; the full-text search index.

CREATE TABLE catalogue_categories (
    id INTEGER NOT NULL CONSTRAINT pk_catalogue_categories PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    CONSTRAINT fk_catalogue_categories_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_catalogue_categories_agency_id_name ON catalogue_categories (agency_id, name);

CREATE TABLE documents (
    id INTEGER NOT NULL CONSTRAINT pk_documents PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    topic TEXT NOT NULL,
    category_id INTEGER NULL,
    publisher TEXT NOT NULL,
    document_number TEXT NULL,
    document_number_key TEXT NULL,
    index_number TEXT NULL,
    keywords TEXT NOT NULL,
    issued_on TEXT NULL,
    published_at TEXT NULL,
    published_on TEXT NULL,
    valid_until TEXT NULL,
    repealed_on TEXT NULL,
    validity_note TEXT NULL,
    interprets_id INTEGER NULL,
    replaces_id INTEGER NULL,
    body_html TEXT NOT NULL,
    body_text TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NULL,
    withdrawn_at TEXT NULL,
    withdrawal_reason TEXT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT fk_documents_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_documents_catalogue_categories_category_id FOREIGN KEY (category_id) REFERENCES catalogue_categories (id) ON DELETE RESTRICT,
    CONSTRAINT fk_documents_documents_interprets_id FOREIGN KEY (interprets_id) REFERENCES documents (id) ON DELETE RESTRICT,
    CONSTRAINT fk_documents_documents_replaces_id FOREIGN KEY (replaces_id) REFERENCES documents (id) ON DELETE RESTRICT
);

-- 索引号 are unique and never reused, whatever happens to the document later.
CREATE UNIQUE INDEX ix_documents_index_number ON documents (index_number);
CREATE INDEX ix_documents_document_number_key ON documents (document_number_key);
CREATE INDEX ix_documents_category_id ON documents (category_id);
CREATE INDEX ix_documents_interprets_id ON documents (interprets_id);
CREATE INDEX ix_documents_replaces_id ON documents (replaces_id);
-- The staff list: an agency's documents by status.
CREATE INDEX ix_documents_agency_id_status ON documents (agency_id, status, id);
-- The public catalogue, newest first, read with keyset paging: one index per way of browsing.
CREATE INDEX ix_documents_published ON documents (published_at DESC, id DESC) WHERE status = 'Published';
CREATE INDEX ix_documents_published_agency ON documents (agency_id, published_at DESC, id DESC) WHERE status = 'Published';
CREATE INDEX ix_documents_published_category ON documents (category_id, published_at DESC, id DESC) WHERE status = 'Published';
CREATE INDEX ix_documents_published_topic ON documents (topic, published_at DESC, id DESC) WHERE status = 'Published';
-- Table 二 §20(一): the normative documents of an agency.
CREATE INDEX ix_documents_normative ON documents (agency_id, kind) WHERE status = 'Published' AND kind IN ('Rule', 'NormativeDocument');

CREATE TABLE document_attachments (
    id INTEGER NOT NULL CONSTRAINT pk_document_attachments PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL,
    file_id TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    text TEXT NULL,
    text_note TEXT NULL,
    CONSTRAINT fk_document_attachments_documents_document_id FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_document_attachments_files_file_id FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE RESTRICT
);

CREATE INDEX ix_document_attachments_document_id ON document_attachments (document_id);
CREATE INDEX ix_document_attachments_file_id ON document_attachments (file_id);

CREATE TABLE document_events (
    id INTEGER NOT NULL CONSTRAINT pk_document_events PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor_id TEXT NULL,
    actor_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NULL,
    CONSTRAINT fk_document_events_documents_document_id FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE RESTRICT
);

CREATE INDEX ix_document_events_document_id ON document_events (document_id);

-- A document's history is kept: events are never changed or removed.
CREATE TRIGGER document_events_no_update BEFORE UPDATE ON document_events
BEGIN
    SELECT RAISE(ABORT, 'document_events is append-only');
END;

CREATE TRIGGER document_events_no_delete BEFORE DELETE ON document_events
BEGIN
    SELECT RAISE(ABORT, 'document_events is append-only');
END;

CREATE TABLE index_number_counters (
    agency_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    last_serial INTEGER NOT NULL,
    CONSTRAINT pk_index_number_counters PRIMARY KEY (agency_id, year),
    CONSTRAINT fk_index_number_counters_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE TABLE catalogue_counts (
    agency_id INTEGER NOT NULL,
    category_id INTEGER NOT NULL,
    topic TEXT NOT NULL,
    year INTEGER NOT NULL,
    document_count INTEGER NOT NULL,
    CONSTRAINT pk_catalogue_counts PRIMARY KEY (agency_id, category_id, topic, year)
);

CREATE TABLE word_list (
    id INTEGER NOT NULL CONSTRAINT pk_word_list PRIMARY KEY AUTOINCREMENT,
    word TEXT NOT NULL,
    kind TEXT NOT NULL,
    correction TEXT NULL,
    action TEXT NOT NULL,
    note TEXT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE UNIQUE INDEX ix_word_list_word ON word_list (word);

-- Full-text search over published documents: CjkBigrams token text (written by SearchIndex),
-- so the ascii tokenizer only splits on spaces and keeps each bigram whole. Contentless: the
-- text lives in documents. facets holds filter tokens (_ag12, _yr2026…) so filters are index
-- lookups too; '_' is a token character here and never occurs in query tokens, so words typed by
-- a reader can never match a facet.
CREATE VIRTUAL TABLE search_index USING fts5(
    title, reference, body, attachments, facets,
    tokenize = "ascii tokenchars '_'", content = '', contentless_delete = 1
);

-- The titles again, on their own: "title hits first" reads these short lists instead of the
-- positions of a word throughout every document's text.
CREATE VIRTUAL TABLE search_index_titles USING fts5(
    title, facets,
    tokenize = "ascii tokenchars '_'", content = '', contentless_delete = 1
);
