-- Issue 10: the periods each office sets within the law's room (补正, 说明理由, internal consultations, 第三十五条).
-- Deliveries, consultations and Art. 35 steps are new kinds of rows in request_events and need no table.
CREATE TABLE request_rules (
    agency_id INTEGER NOT NULL CONSTRAINT pk_request_rules PRIMARY KEY,
    correction_period_min INTEGER NOT NULL,
    correction_period_max INTEGER NOT NULL,
    correction_period_default INTEGER NOT NULL,
    reasons_period_min INTEGER NOT NULL,
    reasons_period_default INTEGER NOT NULL,
    internal_consultation_default INTEGER NOT NULL,
    delay_max_working_days INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT fk_request_rules_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE CASCADE
);
