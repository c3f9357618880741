-- Honest figures (issue 12): what a registry office's busy-day marking and a cemetery's
-- capacities rest on. Each source is kept as `basis` ('document' with document and article,
-- 'set_by_district' or 'example') and the first day it applies, as for the assistance standards.

-- A busy day an office marked: the registry's own observation (set by the district); in a
-- demonstration database every marking is an example. It applies from the marked day itself.
ALTER TABLE marriage_special_days ADD COLUMN basis TEXT NOT NULL DEFAULT 'set_by_district';
UPDATE marriage_special_days SET basis = 'example'
 WHERE EXISTS (SELECT 1 FROM service_meta WHERE key = 'demo' AND value = '1');

-- A cemetery's largest group. No published document gives one (the plan names 宝山园 but no
-- capacity): every existing row, 宝山园's 6 included, is an example until the district sets it.
ALTER TABLE memorial_cemeteries ADD COLUMN max_group_basis TEXT NOT NULL DEFAULT 'example';
ALTER TABLE memorial_cemeteries ADD COLUMN max_group_document TEXT;
ALTER TABLE memorial_cemeteries ADD COLUMN max_group_article TEXT;
ALTER TABLE memorial_cemeteries ADD COLUMN max_group_from TEXT NOT NULL DEFAULT '2025-01-01';

-- The places per visiting slot a window opened. Only staff open windows on a live service (no
-- migration seeds one), so the places already there were set by the district, from the window's
-- first day; in a demonstration database they are examples.
ALTER TABLE memorial_windows ADD COLUMN capacity_basis TEXT NOT NULL DEFAULT 'set_by_district';
ALTER TABLE memorial_windows ADD COLUMN capacity_document TEXT;
ALTER TABLE memorial_windows ADD COLUMN capacity_article TEXT;
ALTER TABLE memorial_windows ADD COLUMN capacity_from TEXT;
UPDATE memorial_windows SET capacity_from = starts_on;
UPDATE memorial_windows SET capacity_basis = 'example'
 WHERE EXISTS (SELECT 1 FROM service_meta WHERE key = 'demo' AND value = '1');
