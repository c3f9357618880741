-- Services every journey uses: the message centre, idempotent submits, uploaded files.

-- 消息: one row per notice to a resident. The app renders `event` in the resident's language
-- from its own tables; `detail` carries staff's free text (e.g. a refusal reason) as given.
CREATE TABLE messages (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    topic       TEXT NOT NULL,
    event       TEXT NOT NULL,
    reference   TEXT NOT NULL,
    action_path TEXT NOT NULL,
    deadline    TEXT,
    detail      TEXT,
    created_at  BIGINT NOT NULL,
    read_at     BIGINT
);
CREATE INDEX messages_by_user ON messages (user_id, created_at);

-- A submit carrying an idempotency key runs once; a retry with the same key gets the stored answer.
CREATE TABLE idempotency_keys (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    response     TEXT,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (scope, key)
);

-- Files residents upload (documents, photos), stored under the data directory by id.
CREATE TABLE uploads (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users(id),
    content_type  TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX uploads_by_user ON uploads (user_id);
