-- Staff accounts, their sessions and the audit trail (issue 13). Portable SQL (SQLite and PostgreSQL).

-- One account per staff member: one role, tied to one place where the role needs one (a community
-- code, a street code, a registry office, a cemetery, an organisation). The password is kept as
-- an Argon2id hash; the authenticator (TOTP) secret must be kept readable to check codes, and the
-- last time-step used is kept so a code is accepted once.
CREATE TABLE staff_accounts (
    id              TEXT PRIMARY KEY,
    login           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    role            TEXT NOT NULL,
    place           TEXT,
    password_hash   TEXT NOT NULL,
    totp_secret     TEXT NOT NULL,
    totp_last_step  BIGINT NOT NULL DEFAULT 0,
    active          BIGINT NOT NULL DEFAULT 1,
    created_at      BIGINT NOT NULL,
    created_by      TEXT NOT NULL
);

-- Staff sessions are their own table and cookie: a resident's session never opens a staff door.
CREATE TABLE staff_sessions (
    token_hash  TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff_accounts(id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

-- Every staff action: who (login and role at the time, and place), when, what, on what, the state
-- before and after (JSON text), and the reason given. Rows are only ever inserted.
CREATE TABLE audit_trail (
    id            TEXT PRIMARY KEY,
    at            BIGINT NOT NULL,
    actor         TEXT NOT NULL,
    role          TEXT NOT NULL,
    place         TEXT,
    action        TEXT NOT NULL,
    subject_kind  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    before_state  TEXT,
    after_state   TEXT,
    reason        TEXT
);
CREATE INDEX audit_trail_by_time ON audit_trail (at);
CREATE INDEX audit_trail_by_subject ON audit_trail (subject_id);


-- The gate (issue 13 item 4): when a booking was checked in (once), and each slot's arrivals.
ALTER TABLE memorial_bookings ADD COLUMN arrived_at BIGINT;
ALTER TABLE marriage_bookings ADD COLUMN arrived_at BIGINT;
ALTER TABLE memorial_slots ADD COLUMN arrived BIGINT NOT NULL DEFAULT 0;
ALTER TABLE marriage_slots ADD COLUMN arrived BIGINT NOT NULL DEFAULT 0;
