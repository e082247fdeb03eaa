-- 0007 Security hardening (issue 11): sign-in backoff per account instead of a lock, failed
-- tracking tries per 查询码, and imported annual reports published by the office head.

ALTER TABLE users ADD COLUMN sign_in_failures integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN sign_in_wait_until timestamp with time zone;

CREATE TABLE tracking_failures (
    tracking_code character varying(14) NOT NULL,
    failures integer NOT NULL,
    locks integer NOT NULL,
    locked_until timestamp with time zone,
    unnoticed integer NOT NULL,
    last_failure_at timestamp with time zone,
    CONSTRAINT pk_tracking_failures PRIMARY KEY (tracking_code)
);

CREATE INDEX ix_tracking_failures_last_failure_at ON tracking_failures (last_failure_at);

-- Reports imported before this version were public at once; they stay public, as published by whoever imported them.
UPDATE annual_reports SET published_at = updated_at, published_by_name = updated_by_name WHERE status = 'Imported' AND published_at IS NULL;
