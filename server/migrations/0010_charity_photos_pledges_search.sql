-- 慈善, after the first release: project photos, monthly pledge charges, and a bigram index
-- for searching Chinese titles and organisers. (Numbered 0015 so the other journeys' next
-- migrations, 0007 onwards, never collide with it.)

-- A project's photos: files stored by the shared uploads service under the data directory
-- (content-sniffed JPEG/PNG), attached by staff, with alt text that is never empty.
CREATE TABLE charity_project_photos (
    id           TEXT PRIMARY KEY,
    project_id   TEXT NOT NULL REFERENCES charity_projects(id),
    content_type TEXT NOT NULL,
    width        BIGINT NOT NULL,
    height       BIGINT NOT NULL,
    alt          TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX charity_project_photos_by_project ON charity_project_photos (project_id, created_at);

-- A pledge can be cancelled by its donor; charges stop from then on.
ALTER TABLE charity_pledges ADD COLUMN cancelled_at BIGINT;
CREATE INDEX charity_pledges_by_status ON charity_pledges (status);

-- One row per pledge per calendar month charged: the primary key is what makes a month's
-- charge happen once, however often (or however concurrently) the charging job runs.
CREATE TABLE charity_pledge_charges (
    pledge_id  TEXT NOT NULL REFERENCES charity_pledges(id),
    month      TEXT NOT NULL,
    gift_id    TEXT NOT NULL UNIQUE REFERENCES charity_gifts(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (pledge_id, month)
);

-- Search: every two-character sequence (bigram) of a project's title and organiser, ASCII
-- letters lowercased. A query of two or more characters looks up its bigrams here (indexed)
-- instead of scanning every title with LIKE; the LIKE then only confirms the few candidates.
CREATE TABLE charity_search_grams (
    gram       TEXT NOT NULL,
    project_id TEXT NOT NULL REFERENCES charity_projects(id),
    PRIMARY KEY (gram, project_id)
);
CREATE INDEX charity_search_grams_by_project ON charity_search_grams (project_id);

-- Index the projects that exist already (same bigrams as the server computes; SQL's lower()
-- lowercases the ASCII letters alike on both engines for this data).
INSERT INTO charity_search_grams (gram, project_id)
WITH RECURSIVE texts (project_id, t) AS (
    SELECT id, lower(title) FROM charity_projects
    UNION ALL
    SELECT id, lower(organiser) FROM charity_projects
), grams (project_id, t, i) AS (
    SELECT project_id, t, 1 FROM texts WHERE length(t) >= 2
    UNION ALL
    SELECT project_id, t, i + 1 FROM grams WHERE i + 2 <= length(t)
)
SELECT DISTINCT substr(t, i, 2), project_id FROM grams;
