-- Verified identity (issue 12 item 7). Applying for assistance and booking marriage registration
-- need a real-name identity: the province's unified identity platform (OpenID Connect) vouches for
-- the profile's name and ID number, which are then locked. Portable SQL (SQLite and PostgreSQL).

-- Who vouched ('provincial' or, in demo mode only, 'development'), when, and the platform's own
-- identifier for the person (the ID token's issuer and subject), so support can trace a verification.
ALTER TABLE users ADD COLUMN identity_verified_by TEXT;
ALTER TABLE users ADD COLUMN identity_verified_at BIGINT;
ALTER TABLE users ADD COLUMN identity_issuer TEXT;
ALTER TABLE users ADD COLUMN identity_subject TEXT;

-- One verification in progress: created when the resident leaves for the platform, deleted the
-- moment its `state` comes back (single use, whatever the outcome) or after ten minutes. Only
-- the state's hash is kept; the nonce and PKCE verifier must be compared and sent back later.
CREATE TABLE identity_logins (
    state_hash     TEXT PRIMARY KEY,
    user_id        TEXT NOT NULL REFERENCES users(id),
    nonce          TEXT NOT NULL,
    pkce_verifier  TEXT NOT NULL,
    return_to      TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL
);
CREATE INDEX identity_logins_by_expiry ON identity_logins (expires_at);
