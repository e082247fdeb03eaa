-- 0011 One schema truth: what SchemaAgreementTests found when it began comparing indexes, unique
-- keys and foreign keys with the EF model.
-- review_cases (formerly request_reviews): the index on agency_id alone is covered by
-- (agency_id, filed_on, concluded_on), which serves every look-up by agency (table 四's counts) and
-- the foreign key's. That index kept its old name through 0008's rename of the table.
DROP INDEX IF EXISTS ix_request_reviews_agency_id;
DROP INDEX IF EXISTS ix_review_cases_agency_id;
ALTER INDEX IF EXISTS ix_request_reviews_agency_id_filed_on RENAME TO ix_review_cases_agency_id_filed_on;
