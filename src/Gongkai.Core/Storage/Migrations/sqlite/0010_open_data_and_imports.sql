-- 0010 Imports for an office moving onto Gongkai (issue 16): imported historical requests keep the
-- old system's case number and are read-only; each import run records how far it got, so a crashed
-- run resumes after its last committed batch, and every refused row with its line and reason.

ALTER TABLE requests ADD COLUMN imported_case_number TEXT NULL;

CREATE UNIQUE INDEX ix_requests_agency_id_imported_case_number ON requests (agency_id, imported_case_number) WHERE imported_case_number IS NOT NULL;

CREATE TABLE import_runs (
    id INTEGER NOT NULL CONSTRAINT pk_import_runs PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    started_by_id TEXT NULL,
    started_by_name TEXT NOT NULL,
    finished_at TEXT NULL,
    lines_done INTEGER NOT NULL,
    added INTEGER NOT NULL,
    existing INTEGER NOT NULL,
    refused INTEGER NOT NULL
);

CREATE INDEX ix_import_runs_kind_file_sha256 ON import_runs (kind, file_sha256);

CREATE TABLE import_refusals (
    id INTEGER NOT NULL CONSTRAINT pk_import_refusals PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL,
    line INTEGER NOT NULL,
    row_key TEXT NULL,
    reason TEXT NOT NULL,
    CONSTRAINT fk_import_refusals_import_runs_run_id FOREIGN KEY (run_id) REFERENCES import_runs (id) ON DELETE CASCADE
);

CREATE INDEX ix_import_refusals_run_id ON import_refusals (run_id);
