-- Sign-in that cannot be turned against residents (issue 10): each code belongs to the device
-- that asked for it, so strangers can neither replace nor void it; devices that signed in to a
-- number before are remembered (hashed) so they keep their own allowance of codes.
-- Portable SQL (SQLite and PostgreSQL). Codes live five minutes, so none are lost by recreating.

DROP TABLE sms_codes;
CREATE TABLE sms_codes (
    phone        TEXT NOT NULL,
    -- SHA-256 of the device cookie of the client that asked for the code.
    device_hash  TEXT NOT NULL,
    code_hash    TEXT NOT NULL,
    sent_at      BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    tries        BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (phone, device_hash)
);
CREATE INDEX sms_codes_by_expiry ON sms_codes (expires_at);

-- A device (its cookie's hash) that signed in to a number, and when it last did.
CREATE TABLE sign_in_devices (
    device_hash     TEXT NOT NULL,
    phone           TEXT NOT NULL,
    last_sign_in_at BIGINT NOT NULL,
    PRIMARY KEY (device_hash, phone)
);
CREATE INDEX sign_in_devices_by_time ON sign_in_devices (last_sign_in_at);
