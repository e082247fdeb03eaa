-- 0011 One schema truth: what SchemaAgreementTests found when it began comparing indexes, unique
-- keys and foreign keys with the EF model.
-- review_cases (formerly request_reviews): the index on agency_id alone is covered by
-- (agency_id, filed_on, concluded_on), which serves every look-up by agency (table 四's counts) and
-- the foreign key's. 0008 rebuilt the table without that index on SQLite; it is made again here.
DROP INDEX IF EXISTS ix_request_reviews_agency_id;
DROP INDEX IF EXISTS ix_review_cases_agency_id;
CREATE INDEX IF NOT EXISTS ix_review_cases_agency_id_filed_on ON review_cases (agency_id, filed_on, concluded_on);
