-- 0002 Requests (依申请公开): the working-day calendar's stored layers, requests with their
-- append-only history of events, letters, attachments, messages, review and litigation records,
-- editable letter templates and the reminder e-mail log.

CREATE TABLE calendar_layers (
    id INTEGER NOT NULL CONSTRAINT pk_calendar_layers PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NULL,
    name TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT fk_calendar_layers_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

-- One layer per agency, and one national layer (the one without an agency).
CREATE UNIQUE INDEX ix_calendar_layers_agency_id ON calendar_layers (agency_id);
CREATE UNIQUE INDEX ux_calendar_layers_national ON calendar_layers ((agency_id IS NULL)) WHERE agency_id IS NULL;

CREATE TABLE calendar_days (
    layer_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT NULL,
    CONSTRAINT pk_calendar_days PRIMARY KEY (layer_id, date),
    CONSTRAINT fk_calendar_days_calendar_layers_layer_id FOREIGN KEY (layer_id) REFERENCES calendar_layers (id) ON DELETE CASCADE
);

CREATE TABLE calendar_years (
    layer_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    source TEXT NOT NULL,
    CONSTRAINT pk_calendar_years PRIMARY KEY (layer_id, year),
    CONSTRAINT fk_calendar_years_calendar_layers_layer_id FOREIGN KEY (layer_id) REFERENCES calendar_layers (id) ON DELETE CASCADE
);

CREATE TABLE requests (
    id INTEGER NOT NULL CONSTRAINT pk_requests PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL,
    tracking_code TEXT NOT NULL,
    channel TEXT NOT NULL,
    applicant_type TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    identity_document TEXT NOT NULL,
    identity_number TEXT NOT NULL,
    legal_representative TEXT NULL,
    contact_name TEXT NULL,
    phone TEXT NOT NULL,
    email TEXT NULL,
    address TEXT NULL,
    postal_code TEXT NULL,
    description TEXT NOT NULL,
    document_reference TEXT NULL,
    purpose TEXT NULL,
    delivery_form TEXT NOT NULL,
    identity_key TEXT NULL,
    contact_key TEXT NOT NULL,
    applicant_user_id TEXT NULL,
    submitted_at TEXT NOT NULL,
    registered_by_id TEXT NULL,
    assignee_id TEXT NULL,
    status TEXT NOT NULL,
    outcome TEXT NULL,
    received_on TEXT NULL,
    decided_on TEXT NULL,
    closed_on TEXT NULL,
    transferred_from_id INTEGER NULL,
    competent_agency_id INTEGER NULL,
    competent_agency_name TEXT NULL,
    extension_requested_days INTEGER NULL,
    extension_reason TEXT NULL,
    extension_requested_by TEXT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT fk_requests_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_requests_agencies_competent_agency_id FOREIGN KEY (competent_agency_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_requests_requests_transferred_from_id FOREIGN KEY (transferred_from_id) REFERENCES requests (id) ON DELETE RESTRICT,
    CONSTRAINT fk_requests_users_applicant_user_id FOREIGN KEY (applicant_user_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_requests_users_assignee_id FOREIGN KEY (assignee_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_requests_tracking_code ON requests (tracking_code);
CREATE INDEX ix_requests_agency_id_status ON requests (agency_id, status);
CREATE INDEX ix_requests_agency_id_received_on ON requests (agency_id, received_on);
CREATE INDEX ix_requests_agency_id_decided_on ON requests (agency_id, decided_on);
CREATE INDEX ix_requests_identity_key ON requests (identity_key);
CREATE INDEX ix_requests_contact_key ON requests (contact_key);
CREATE INDEX ix_requests_applicant_user_id ON requests (applicant_user_id);
CREATE INDEX ix_requests_assignee_id ON requests (assignee_id);
CREATE INDEX ix_requests_competent_agency_id ON requests (competent_agency_id);
CREATE INDEX ix_requests_transferred_from_id ON requests (transferred_from_id);

CREATE TABLE request_events (
    id INTEGER NOT NULL CONSTRAINT pk_request_events PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL,
    sequence INTEGER NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    payload TEXT NOT NULL,
    recorded_by_id TEXT NULL,
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    CONSTRAINT fk_request_events_requests_request_id FOREIGN KEY (request_id) REFERENCES requests (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_request_events_request_id_sequence ON request_events (request_id, sequence);

-- A request's history is append-only: no UPDATE or DELETE, whoever asks.
CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
BEGIN
    SELECT RAISE(ABORT, 'request_events is append-only');
END;

CREATE TRIGGER request_events_no_delete BEFORE DELETE ON request_events
BEGIN
    SELECT RAISE(ABORT, 'request_events is append-only');
END;

CREATE TABLE request_letters (
    id INTEGER NOT NULL CONSTRAINT pk_request_letters PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    number TEXT NOT NULL,
    addressee TEXT NOT NULL,
    body TEXT NOT NULL,
    signatory TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    for_applicant INTEGER NOT NULL,
    docx_file_id TEXT NOT NULL,
    pdf_file_id TEXT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT fk_request_letters_requests_request_id FOREIGN KEY (request_id) REFERENCES requests (id) ON DELETE RESTRICT,
    CONSTRAINT fk_request_letters_request_events_event_id FOREIGN KEY (event_id) REFERENCES request_events (id) ON DELETE RESTRICT,
    CONSTRAINT fk_request_letters_files_docx_file_id FOREIGN KEY (docx_file_id) REFERENCES files (id) ON DELETE RESTRICT,
    CONSTRAINT fk_request_letters_files_pdf_file_id FOREIGN KEY (pdf_file_id) REFERENCES files (id) ON DELETE RESTRICT
);

CREATE INDEX ix_request_letters_request_id ON request_letters (request_id);
CREATE INDEX ix_request_letters_event_id ON request_letters (event_id);
CREATE INDEX ix_request_letters_docx_file_id ON request_letters (docx_file_id);
CREATE INDEX ix_request_letters_pdf_file_id ON request_letters (pdf_file_id);

CREATE TABLE request_attachments (
    id INTEGER NOT NULL CONSTRAINT pk_request_attachments PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL,
    file_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    added_by_name TEXT NOT NULL,
    added_at TEXT NOT NULL,
    CONSTRAINT fk_request_attachments_requests_request_id FOREIGN KEY (request_id) REFERENCES requests (id) ON DELETE RESTRICT,
    CONSTRAINT fk_request_attachments_files_file_id FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE RESTRICT
);

CREATE INDEX ix_request_attachments_request_id ON request_attachments (request_id);
CREATE INDEX ix_request_attachments_file_id ON request_attachments (file_id);

CREATE TABLE request_messages (
    id INTEGER NOT NULL CONSTRAINT pk_request_messages PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL,
    from_applicant INTEGER NOT NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT fk_request_messages_requests_request_id FOREIGN KEY (request_id) REFERENCES requests (id) ON DELETE RESTRICT
);

CREATE INDEX ix_request_messages_request_id ON request_messages (request_id);

CREATE TABLE request_reviews (
    id INTEGER NOT NULL CONSTRAINT pk_request_reviews PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NOT NULL,
    agency_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    filed_on TEXT NOT NULL,
    authority TEXT NOT NULL,
    case_number TEXT NULL,
    result TEXT NOT NULL,
    concluded_on TEXT NULL,
    notes TEXT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT fk_request_reviews_requests_request_id FOREIGN KEY (request_id) REFERENCES requests (id) ON DELETE RESTRICT,
    CONSTRAINT fk_request_reviews_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE INDEX ix_request_reviews_request_id ON request_reviews (request_id);
CREATE INDEX ix_request_reviews_agency_id ON request_reviews (agency_id);

CREATE TABLE letter_templates (
    key TEXT NOT NULL CONSTRAINT pk_letter_templates PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE reminder_mails (
    user_id TEXT NOT NULL,
    day TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    CONSTRAINT pk_reminder_mails PRIMARY KEY (user_id, day),
    CONSTRAINT fk_reminder_mails_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
