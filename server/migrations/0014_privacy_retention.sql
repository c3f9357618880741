-- Privacy (issue 10): what the purge job and account deletion need.

-- A deleted account keeps its row (records the service must keep still point at it) without
-- a phone number, name or document: `phone` becomes `deleted:<id>`, the rest NULL.
ALTER TABLE users ADD COLUMN deleted_at BIGINT;

-- The purge job finds what has expired by time.
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
-- (sms_codes_by_expiry comes with 0011, which rebuilt sms_codes.)
CREATE INDEX rate_events_by_time ON rate_events (at);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
CREATE INDEX uploads_by_age ON uploads (created_at);
