-- Names and texts in three languages (issue 12, item 6), and no invented records for real places.
-- Numbered 0018 so the other work of issue 12 (0016, 0017) never collides with it.
--
-- 繁體 columns are filled when a text is written: the seed below gives its own, and rows written
-- before this migration are converted from 简体 by the server at start-up (OpenCC, see
-- localise.rs), because SQL cannot convert. English stays NULL until someone writes it; the app
-- then shows the Chinese, marked as such.

ALTER TABLE memorial_cemeteries ADD COLUMN name_hant TEXT;
ALTER TABLE memorial_cemeteries ADD COLUMN name_en TEXT;
ALTER TABLE memorial_cemeteries ADD COLUMN address_hant TEXT;
ALTER TABLE memorial_cemeteries ADD COLUMN address_en TEXT;

-- 宝山园 is the district's cemetery the 14th five-year plan names; the plan gives no address, so
-- the one 0006 wrote is marked as an example until the district sets the real one.
UPDATE memorial_cemeteries SET
    address = '深圳市宝安区石岩街道宝石东路（示例地址，以区民政局公布为准）',
    name_hant = '寶山園',
    name_en = 'Baoshan Cemetery',
    address_hant = '深圳市寶安區石岩街道寶石東路（示例地址，以區民政局公佈為準）',
    address_en = 'Baoshi East Road, Shiyan, Bao''an, Shenzhen (example address: the district civil affairs bureau publishes the real one)'
WHERE id = 'baoshan';

-- The two other cemeteries 0006 seeded on every deployment are not in the plan: they become demo
-- data (written by --demo under fictional names). Where nothing refers to them yet (every
-- database but an old demo one) they go; an old demo database keeps them, renamed as fictional.
DELETE FROM memorial_cemeteries
WHERE id IN ('fenghuangshan', 'yanchuan')
  AND NOT EXISTS (SELECT 1 FROM memorial_windows w WHERE w.cemetery_id = memorial_cemeteries.id)
  AND NOT EXISTS (SELECT 1 FROM memorial_slots s WHERE s.cemetery_id = memorial_cemeteries.id)
  AND NOT EXISTS (SELECT 1 FROM memorial_burial_records b WHERE b.cemetery_id = memorial_cemeteries.id)
  AND NOT EXISTS (SELECT 1 FROM memorial_proxy_requests p WHERE p.cemetery_id = memorial_cemeteries.id);
UPDATE memorial_cemeteries SET name = '演示·青松纪念园（示例）', address = '示例地址（演示数据）', name_hant = NULL, address_hant = NULL
WHERE id = 'fenghuangshan';
UPDATE memorial_cemeteries SET name = '演示·翠湖生态纪念园（示例）', address = '示例地址（演示数据）', name_hant = NULL, address_hant = NULL
WHERE id = 'yanchuan';

-- Charity projects: title and organiser in three languages, and the folded search text (简体,
-- ASCII lowercased) that search matches, so a 繁體 query finds a 简体 title and the other way round.
ALTER TABLE charity_projects ADD COLUMN title_hant TEXT;
ALTER TABLE charity_projects ADD COLUMN title_en TEXT;
ALTER TABLE charity_projects ADD COLUMN organiser_hant TEXT;
ALTER TABLE charity_projects ADD COLUMN organiser_en TEXT;
ALTER TABLE charity_projects ADD COLUMN search_text TEXT;
