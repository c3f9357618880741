-- Charity texts in three languages (issue 12, item 6), after 0018 did project titles and
-- organisers: fund names and descriptions, fund reports, ledger lines, progress updates,
-- disclosures, a project's description and qualification, and its photos' alt text. (Numbered 0023 to stay clear of
-- other work of issue 12 that may take 0022.)
--
-- As in 0018: 繁體 columns are filled when a row is written (OpenCC, see localise.rs); rows
-- written before this migration are converted by the server at start-up
-- (`localise::fill_missing`), because SQL cannot convert. English stays NULL until someone
-- writes it; the app then shows the Chinese, marked as such. A project's budget is JSON: its
-- items gain `item_hant` and `item_en` keys the same way.

ALTER TABLE charity_funds ADD COLUMN name_hant TEXT;
ALTER TABLE charity_funds ADD COLUMN name_en TEXT;
ALTER TABLE charity_funds ADD COLUMN description_hant TEXT;
ALTER TABLE charity_funds ADD COLUMN description_en TEXT;
-- The folded name in every language (简体, ASCII lowercased), one per line, that the fund
-- directory's search matches, as charity_projects.search_text does for projects.
ALTER TABLE charity_funds ADD COLUMN search_text TEXT;

ALTER TABLE charity_fund_reports ADD COLUMN title_hant TEXT;
ALTER TABLE charity_fund_reports ADD COLUMN title_en TEXT;

ALTER TABLE charity_ledger ADD COLUMN purpose_hant TEXT;
ALTER TABLE charity_ledger ADD COLUMN purpose_en TEXT;

ALTER TABLE charity_updates ADD COLUMN title_hant TEXT;
ALTER TABLE charity_updates ADD COLUMN title_en TEXT;
ALTER TABLE charity_updates ADD COLUMN body_hant TEXT;
ALTER TABLE charity_updates ADD COLUMN body_en TEXT;

ALTER TABLE charity_disclosures ADD COLUMN title_hant TEXT;
ALTER TABLE charity_disclosures ADD COLUMN title_en TEXT;

ALTER TABLE charity_projects ADD COLUMN description_hant TEXT;
ALTER TABLE charity_projects ADD COLUMN description_en TEXT;
ALTER TABLE charity_projects ADD COLUMN qualification_hant TEXT;
ALTER TABLE charity_projects ADD COLUMN qualification_en TEXT;

ALTER TABLE charity_project_photos ADD COLUMN alt_hant TEXT;
ALTER TABLE charity_project_photos ADD COLUMN alt_en TEXT;

-- The ledger grows with every gift: finding its lines still to convert at start-up reads this
-- index, not the table (partial indexes exist on both engines).
CREATE INDEX charity_ledger_unconverted ON charity_ledger (purpose) WHERE purpose_hant IS NULL;
