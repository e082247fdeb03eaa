-- 0008 A government's report covers the units it names (report_scope_units), a report keeps the units it
-- covered when it was generated or published (annual_reports.units), and reviews and lawsuits become cases
-- of their own: linked to a request when there is one, a 复议后起诉 to its review, with the date the office
-- received the copy of the application or complaint (which starts the time to answer) and the answer's date.

CREATE TABLE report_scope_units (
    government_id integer NOT NULL,
    unit_id integer NOT NULL,
    included boolean NOT NULL,
    CONSTRAINT pk_report_scope_units PRIMARY KEY (government_id, unit_id),
    CONSTRAINT fk_report_scope_units_agencies_government_id FOREIGN KEY (government_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_report_scope_units_agencies_unit_id FOREIGN KEY (unit_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_report_scope_units_unit_id ON report_scope_units (unit_id);

ALTER TABLE annual_reports ADD COLUMN units text;

ALTER TABLE request_reviews RENAME TO review_cases;
ALTER TABLE review_cases RENAME CONSTRAINT pk_request_reviews TO pk_review_cases;
ALTER TABLE review_cases RENAME CONSTRAINT fk_request_reviews_requests_request_id TO fk_review_cases_requests_request_id;
ALTER TABLE review_cases RENAME CONSTRAINT fk_request_reviews_agencies_agency_id TO fk_review_cases_agencies_agency_id;
ALTER INDEX ix_request_reviews_request_id RENAME TO ix_review_cases_request_id;
ALTER INDEX ix_request_reviews_agency_id RENAME TO ix_review_cases_agency_id;
ALTER TABLE review_cases ALTER COLUMN request_id DROP NOT NULL;
ALTER TABLE review_cases ADD COLUMN review_of_id integer;
ALTER TABLE review_cases ADD COLUMN subject character varying(500);
ALTER TABLE review_cases ADD COLUMN applicant_name character varying(200);
ALTER TABLE review_cases ADD COLUMN copy_received_on date;
ALTER TABLE review_cases ADD COLUMN answered_on date;
UPDATE review_cases c SET subject = '对政府信息公开申请答复不服', applicant_name = r.applicant_name FROM requests r WHERE r.id = c.request_id;
ALTER TABLE review_cases ALTER COLUMN subject SET NOT NULL;
ALTER TABLE review_cases ADD CONSTRAINT fk_review_cases_review_cases_review_of_id FOREIGN KEY (review_of_id) REFERENCES review_cases (id) ON DELETE RESTRICT;
CREATE INDEX ix_review_cases_review_of_id ON review_cases (review_of_id);
