-- Honest figures (issue 12): each standard carries its source and effective date, and nothing
-- is seeded here any more. The old rows credited Bao'an's plan for figures it does not contain;
-- demo mode now writes clearly marked examples at start-up, and the live service waits until
-- the district sets the standards (staff API or `baoan-server standards import`).
DROP TABLE assistance_standards;
CREATE TABLE assistance_standards (
    key             TEXT PRIMARY KEY,
    value           BIGINT NOT NULL,
    -- 'document' (with document and article), 'set_by_district' or 'example'.
    basis           TEXT NOT NULL,
    document        TEXT,
    article         TEXT,
    effective_from  TEXT NOT NULL
);

-- Every change of the standards: who (as staff declared themselves, and through which door),
-- when, and the whole sheet before (NULL for the first) and after, as JSON.
CREATE TABLE assistance_standards_changes (
    id          TEXT PRIMARY KEY,
    changed_at  BIGINT NOT NULL,
    changed_by  TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT NOT NULL
);
