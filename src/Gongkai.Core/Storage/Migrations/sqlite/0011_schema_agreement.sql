-- 0011 One schema truth: what SchemaAgreementTests found when it began comparing indexes, unique
-- keys and foreign keys with the EF model.
-- ix_request_reviews_agency_id is covered by ix_request_reviews_agency_id_filed_on
-- (agency_id, filed_on, concluded_on), which serves every look-up by agency, the foreign key's too.
DROP INDEX IF EXISTS ix_request_reviews_agency_id;
