-- 0008 A government's report covers the units it names (report_scope_units), a report keeps the units it
-- covered when it was generated or published (annual_reports.units), and reviews and lawsuits become cases
-- of their own: linked to a request when there is one, a 复议后起诉 to its review, with the date the office
-- received the copy of the application or complaint (which starts the time to answer) and the answer's date.

CREATE TABLE report_scope_units (
    government_id INTEGER NOT NULL,
    unit_id INTEGER NOT NULL,
    included INTEGER NOT NULL,
    CONSTRAINT pk_report_scope_units PRIMARY KEY (government_id, unit_id),
    CONSTRAINT fk_report_scope_units_agencies_government_id FOREIGN KEY (government_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_report_scope_units_agencies_unit_id FOREIGN KEY (unit_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_report_scope_units_unit_id ON report_scope_units (unit_id);

ALTER TABLE annual_reports ADD COLUMN units TEXT NULL;

CREATE TABLE review_cases (
    id INTEGER NOT NULL CONSTRAINT pk_review_cases PRIMARY KEY AUTOINCREMENT,
    request_id INTEGER NULL,
    review_of_id INTEGER NULL,
    agency_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    applicant_name TEXT NULL,
    filed_on TEXT NOT NULL,
    copy_received_on TEXT NULL,
    answered_on TEXT NULL,
    authority TEXT NOT NULL,
    case_number TEXT NULL,
    result TEXT NOT NULL,
    concluded_on TEXT NULL,
    notes TEXT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT fk_review_cases_requests_request_id FOREIGN KEY (request_id) REFERENCES requests (id) ON DELETE RESTRICT,
    CONSTRAINT fk_review_cases_review_cases_review_of_id FOREIGN KEY (review_of_id) REFERENCES review_cases (id) ON DELETE RESTRICT,
    CONSTRAINT fk_review_cases_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

INSERT INTO review_cases (id, request_id, review_of_id, agency_id, kind, subject, applicant_name, filed_on, copy_received_on, answered_on,
                          authority, case_number, result, concluded_on, notes, version, updated_at)
SELECT rr.id, rr.request_id, NULL, rr.agency_id, rr.kind, '对政府信息公开申请答复不服', r.applicant_name, rr.filed_on, NULL, NULL,
       rr.authority, rr.case_number, rr.result, rr.concluded_on, rr.notes, rr.version, rr.updated_at
FROM request_reviews rr JOIN requests r ON r.id = rr.request_id;

DROP TABLE request_reviews;

CREATE INDEX ix_review_cases_request_id ON review_cases (request_id);
CREATE INDEX ix_review_cases_review_of_id ON review_cases (review_of_id);
CREATE INDEX ix_review_cases_agency_id ON review_cases (agency_id);
