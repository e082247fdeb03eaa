-- 0004 Supervision: workspaces of published reports audited by 上级监督, their findings and the
-- append-only decisions on them, and the files that could not be read.

CREATE TABLE supervision_workspaces (
    id INTEGER NOT NULL CONSTRAINT pk_supervision_workspaces PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NULL,
    CONSTRAINT fk_supervision_workspaces_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE TABLE supervision_reports (
    id INTEGER NOT NULL CONSTRAINT pk_supervision_reports PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    file_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL,
    origin TEXT NOT NULL,
    agency_name TEXT NULL,
    year INTEGER NULL,
    template TEXT NOT NULL,
    issued_on TEXT NULL,
    unit_agency_id INTEGER NULL,
    matched_by TEXT NOT NULL,
    report_json TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NULL,
    CONSTRAINT fk_supervision_reports_supervision_workspaces_workspace_id FOREIGN KEY (workspace_id) REFERENCES supervision_workspaces (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supervision_reports_files_file_id FOREIGN KEY (file_id) REFERENCES files (id) ON DELETE RESTRICT,
    CONSTRAINT fk_supervision_reports_agencies_unit_agency_id FOREIGN KEY (unit_agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE TABLE supervision_findings (
    id INTEGER NOT NULL CONSTRAINT pk_supervision_findings PRIMARY KEY AUTOINCREMENT,
    report_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    origin TEXT NOT NULL,
    message TEXT NOT NULL,
    cells TEXT NOT NULL,
    CONSTRAINT fk_supervision_findings_supervision_reports_report_id FOREIGN KEY (report_id) REFERENCES supervision_reports (id) ON DELETE RESTRICT
);

CREATE TABLE supervision_decisions (
    id INTEGER NOT NULL CONSTRAINT pk_supervision_decisions PRIMARY KEY AUTOINCREMENT,
    finding_id INTEGER NOT NULL,
    verdict TEXT NOT NULL,
    note TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    decided_by TEXT NULL,
    decided_by_name TEXT NOT NULL,
    CONSTRAINT fk_supervision_decisions_supervision_findings_finding_id FOREIGN KEY (finding_id) REFERENCES supervision_findings (id) ON DELETE RESTRICT
);

CREATE TABLE supervision_rejected_files (
    id INTEGER NOT NULL CONSTRAINT pk_supervision_rejected_files PRIMARY KEY AUTOINCREMENT,
    workspace_id INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    reason TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    uploaded_by TEXT NULL,
    CONSTRAINT fk_supervision_rejected_files_workspace_id FOREIGN KEY (workspace_id) REFERENCES supervision_workspaces (id) ON DELETE RESTRICT
);

CREATE INDEX ix_supervision_workspaces_agency_id ON supervision_workspaces (agency_id);

CREATE INDEX ix_supervision_reports_workspace_id ON supervision_reports (workspace_id);

CREATE INDEX ix_supervision_reports_file_id ON supervision_reports (file_id);

CREATE INDEX ix_supervision_reports_unit_agency_id ON supervision_reports (unit_agency_id);

CREATE INDEX ix_supervision_findings_report_id ON supervision_findings (report_id);

CREATE INDEX ix_supervision_decisions_finding_id ON supervision_decisions (finding_id);

CREATE INDEX ix_supervision_rejected_files_workspace_id ON supervision_rejected_files (workspace_id);

-- Decisions on findings are history: a changed mind is a new row, never an edited one.
CREATE TRIGGER supervision_decisions_no_update BEFORE UPDATE ON supervision_decisions
BEGIN
    SELECT RAISE(ABORT, 'supervision_decisions is append-only');
END;

CREATE TRIGGER supervision_decisions_no_delete BEFORE DELETE ON supervision_decisions
BEGIN
    SELECT RAISE(ABORT, 'supervision_decisions is append-only');
END;
