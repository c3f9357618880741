-- Reference data a district manages (issue 12 item 5), continued: cemeteries and their booking
-- windows through the same import as the other kinds (server/src/reference/).
--
-- A cemetery no longer taking bookings is retired with `active = 0`, never deleted (bookings,
-- the burial register and proxy requests name it).
ALTER TABLE memorial_cemeteries ADD COLUMN active BIGINT NOT NULL DEFAULT 1;

-- A window's visiting hours and places per slot, kept with the window so that an export can say
-- what an import would make again (until now only its slots knew them). Existing windows take
-- them from their slots.
ALTER TABLE memorial_windows ADD COLUMN first_hour BIGINT;
ALTER TABLE memorial_windows ADD COLUMN last_hour BIGINT;
ALTER TABLE memorial_windows ADD COLUMN capacity BIGINT;
UPDATE memorial_windows SET
    first_hour = (SELECT MIN(s.starts_minute) / 60 FROM memorial_slots s WHERE s.window_id = memorial_windows.id),
    last_hour = (SELECT MAX(s.starts_minute) / 60 FROM memorial_slots s WHERE s.window_id = memorial_windows.id),
    capacity = (SELECT MIN(s.capacity) FROM memorial_slots s WHERE s.window_id = memorial_windows.id);
UPDATE memorial_windows SET first_hour = 0 WHERE first_hour IS NULL;
UPDATE memorial_windows SET last_hour = 0 WHERE last_hour IS NULL;
UPDATE memorial_windows SET capacity = 1 WHERE capacity IS NULL;
CREATE INDEX memorial_slots_by_window ON memorial_slots (window_id, visit_date);

-- Charity organisations, known by their name in 简体: what a project's `organiser` and a charity
-- editor's place name. 繁體 is written with the row (NULL: converted when read); English only when
-- given. The organisers of existing projects become organisations (the demo's among them).
CREATE TABLE charity_organisations (
    name       TEXT PRIMARY KEY,
    name_hant  TEXT,
    name_en    TEXT,
    sort       BIGINT NOT NULL,
    active     BIGINT NOT NULL DEFAULT 1
);
INSERT INTO charity_organisations (name, name_hant, name_en, sort, active)
SELECT organiser, MIN(organiser_hant), MIN(organiser_en), 0, 1 FROM charity_projects GROUP BY organiser;

-- How long an office's free counselling session lasts, with its source (issue 12 item 4): data
-- the district sets with the office (`reference import offices`), no longer a constant. Until it
-- does, every office has the example length (45 minutes), which the live service refuses to import.
ALTER TABLE marriage_offices ADD COLUMN counselling_minutes BIGINT NOT NULL DEFAULT 45;
ALTER TABLE marriage_offices ADD COLUMN counselling_basis TEXT NOT NULL DEFAULT 'example';
ALTER TABLE marriage_offices ADD COLUMN counselling_document TEXT;
ALTER TABLE marriage_offices ADD COLUMN counselling_article TEXT;
ALTER TABLE marriage_offices ADD COLUMN counselling_from TEXT NOT NULL DEFAULT '2025-01-01';
