-- Issue 10: the periods each office sets within the law's room (补正, 说明理由, internal consultations, 第三十五条).
-- Deliveries, consultations and Art. 35 steps are new kinds of rows in request_events and need no table.
CREATE TABLE request_rules (
    agency_id integer NOT NULL,
    correction_period_min integer NOT NULL,
    correction_period_max integer NOT NULL,
    correction_period_default integer NOT NULL,
    reasons_period_min integer NOT NULL,
    reasons_period_default integer NOT NULL,
    internal_consultation_default integer NOT NULL,
    delay_max_working_days integer NOT NULL,
    updated_by character varying(100) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_request_rules PRIMARY KEY (agency_id),
    CONSTRAINT fk_request_rules_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE CASCADE
);
