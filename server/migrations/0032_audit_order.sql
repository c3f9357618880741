-- Audit entries in a defined order (issue 13): `seq` counts the entries as they are written, so
-- two actions of the same second (`at` is Unix seconds) list newest first, on the search page and
-- in the export alike. The next number is taken from `audit_sequence`'s one row in the transaction
-- that writes the entry (its row lock keeps two transactions from taking the same number).
-- Entries written before are numbered by time, then by id (the order they were listed in).
ALTER TABLE audit_trail ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
UPDATE audit_trail SET seq = (
    SELECT COUNT(*) FROM audit_trail b
    WHERE b.at < audit_trail.at OR (b.at = audit_trail.at AND b.id <= audit_trail.id)
);
CREATE INDEX audit_trail_by_order ON audit_trail (at, seq);
CREATE TABLE audit_sequence (
    id        BIGINT PRIMARY KEY,
    last_seq  BIGINT NOT NULL
);
INSERT INTO audit_sequence (id, last_seq) SELECT 1, COUNT(*) FROM audit_trail;
