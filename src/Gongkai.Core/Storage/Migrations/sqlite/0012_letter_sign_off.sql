-- 0012 Letters signed off by the office (承办 → 审核 → 法制审核 → 签发), numbered from yearly series,
-- sealed and verifiable: the agencies' settings and seals, the series, the drafts and their history,
-- and the verification code and seal of each issued letter.

CREATE TABLE agency_letter_settings (
    agency_id INTEGER NOT NULL CONSTRAINT pk_agency_letter_settings PRIMARY KEY,
    chain_enabled INTEGER NOT NULL,
    review_stage INTEGER NOT NULL,
    legal_review INTEGER NOT NULL,
    head_may_sign_own INTEGER NOT NULL,
    seal_file_id TEXT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT fk_agency_letter_settings_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agency_letter_settings_files_seal_file_id FOREIGN KEY (seal_file_id) REFERENCES files (id) ON DELETE RESTRICT
);

CREATE INDEX ix_agency_letter_settings_seal_file_id ON agency_letter_settings (seal_file_id);

CREATE TABLE letter_series (
    agency_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    prefix TEXT NOT NULL,
    last_serial INTEGER NOT NULL,
    CONSTRAINT pk_letter_series PRIMARY KEY (agency_id, kind, year),
    CONSTRAINT fk_letter_series_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE INDEX ix_letter_series_prefix ON letter_series (prefix);

CREATE TABLE letter_drafts (
    id INTEGER NOT NULL CONSTRAINT pk_letter_drafts PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL,
    agency_id INTEGER NOT NULL,
    step TEXT NOT NULL,
    input TEXT NOT NULL,
    summary TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    addressee TEXT NOT NULL,
    base_body TEXT NOT NULL,
    body TEXT NOT NULL,
    is_refusal INTEGER NOT NULL,
    stage TEXT NOT NULL,
    drafted_by_id TEXT NULL,
    drafted_by_name TEXT NOT NULL,
    letter_id INTEGER NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT fk_letter_drafts_requests_request_id FOREIGN KEY (request_id) REFERENCES requests (id) ON DELETE RESTRICT,
    CONSTRAINT fk_letter_drafts_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_letter_drafts_users_drafted_by_id FOREIGN KEY (drafted_by_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_letter_drafts_request_letters_letter_id FOREIGN KEY (letter_id) REFERENCES request_letters (id) ON DELETE RESTRICT
);

CREATE INDEX ix_letter_drafts_request_id ON letter_drafts (request_id);
CREATE INDEX ix_letter_drafts_agency_id_stage ON letter_drafts (agency_id, stage);
CREATE INDEX ix_letter_drafts_drafted_by_id ON letter_drafts (drafted_by_id);
CREATE INDEX ix_letter_drafts_letter_id ON letter_drafts (letter_id);

CREATE TABLE letter_draft_events (
    id INTEGER NOT NULL CONSTRAINT pk_letter_draft_events PRIMARY KEY AUTOINCREMENT,
    draft_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    stage TEXT NOT NULL,
    comment TEXT NULL,
    actor_id TEXT NULL,
    actor_name TEXT NOT NULL,
    at TEXT NOT NULL,
    CONSTRAINT fk_letter_draft_events_letter_drafts_draft_id FOREIGN KEY (draft_id) REFERENCES letter_drafts (id) ON DELETE RESTRICT
);

CREATE INDEX ix_letter_draft_events_draft_id ON letter_draft_events (draft_id);

-- A draft's history is append-only, like a request's.
CREATE TRIGGER letter_draft_events_no_update BEFORE UPDATE ON letter_draft_events
BEGIN
    SELECT RAISE(ABORT, 'letter_draft_events is append-only');
END;

CREATE TRIGGER letter_draft_events_no_delete BEFORE DELETE ON letter_draft_events
BEGIN
    SELECT RAISE(ABORT, 'letter_draft_events is append-only');
END;

CREATE TABLE letter_draft_files (
    draft_id INTEGER NOT NULL,
    file_id TEXT NOT NULL,
    CONSTRAINT pk_letter_draft_files PRIMARY KEY (draft_id, file_id),
    CONSTRAINT fk_letter_draft_files_letter_drafts_draft_id FOREIGN KEY (draft_id) REFERENCES letter_drafts (id) ON DELETE RESTRICT,
    CONSTRAINT fk_letter_draft_files_files_file_id FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE RESTRICT
);

CREATE INDEX ix_letter_draft_files_file_id ON letter_draft_files (file_id);

-- A letter's number is never issued twice; its verification code is printed on it.
ALTER TABLE request_letters ADD COLUMN verification_code TEXT NULL;
ALTER TABLE request_letters ADD COLUMN seal_file_id TEXT NULL REFERENCES files (id) ON DELETE RESTRICT;
CREATE UNIQUE INDEX ix_request_letters_number ON request_letters (number);
CREATE UNIQUE INDEX ix_request_letters_verification_code ON request_letters (verification_code);
CREATE INDEX ix_request_letters_seal_file_id ON request_letters (seal_file_id);
