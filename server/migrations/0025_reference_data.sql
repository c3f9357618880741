-- Reference data a district manages (issue 12 item 5): one change record per changed row of any
-- kind (streets, communities, offices, the burial register), and `active` where a row that
-- others name (applications, bookings) can be retired instead of deleted.

CREATE TABLE reference_changes (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    row_key      TEXT NOT NULL,
    changed_by   TEXT NOT NULL,
    -- How the change came: 'CLI import' or 'admin API'.
    door         TEXT NOT NULL,
    changed_at   BIGINT NOT NULL,
    -- The row as stored before (NULL for a new row) and after, as the import file writes it.
    before_json  TEXT,
    after_json   TEXT NOT NULL
);
CREATE INDEX reference_changes_by_row ON reference_changes (kind, row_key, changed_at);

ALTER TABLE assistance_communities ADD COLUMN active BIGINT NOT NULL DEFAULT 1;
ALTER TABLE marriage_offices ADD COLUMN active BIGINT NOT NULL DEFAULT 1;
