-- 慈善: fundraising projects, named funds (冠名慈善基金), their public ledgers, progress updates,
-- disclosures, gifts with receipts, and monthly pledges. Money is integer fen; dates ISO TEXT.

CREATE TABLE charity_funds (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    founder_type  TEXT NOT NULL,
    founded       TEXT NOT NULL,
    principal_fen BIGINT NOT NULL,
    description   TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX charity_funds_by_name ON charity_funds (name);

CREATE TABLE charity_projects (
    id                     TEXT PRIMARY KEY,
    title                  TEXT NOT NULL,
    organiser              TEXT NOT NULL,
    category               TEXT NOT NULL,
    registration_no        TEXT NOT NULL,
    target_fen             BIGINT NOT NULL,
    raised_fen             BIGINT NOT NULL,
    donors                 BIGINT NOT NULL,
    -- raised / target in per mille, capped at 1000: what "nearly funded" sorts by (indexable).
    progress_permille      BIGINT NOT NULL,
    end_date               TEXT NOT NULL,
    status                 TEXT NOT NULL,
    fund_id                TEXT REFERENCES charity_funds(id),
    description            TEXT NOT NULL,
    qualification          TEXT NOT NULL,
    -- JSON array of {item, amount_fen}
    budget                 TEXT NOT NULL,
    disclosure_period_days BIGINT NOT NULL,
    created_at             BIGINT NOT NULL
);
-- One index per order of the list, led by status (the usual filter), and one per other filter.
CREATE INDEX charity_projects_newest ON charity_projects (status, created_at);
CREATE INDEX charity_projects_funded ON charity_projects (status, progress_permille);
CREATE INDEX charity_projects_donors ON charity_projects (status, donors);
CREATE INDEX charity_projects_ending ON charity_projects (status, end_date);
CREATE INDEX charity_projects_created ON charity_projects (created_at);
CREATE INDEX charity_projects_by_organiser ON charity_projects (organiser, created_at);
CREATE INDEX charity_projects_by_fund ON charity_projects (fund_id, created_at);
CREATE INDEX charity_projects_by_category ON charity_projects (category, created_at);

-- Public ledger lines of a project or of a fund (exactly one of the two is set).
CREATE TABLE charity_ledger (
    id           TEXT PRIMARY KEY,
    project_id   TEXT REFERENCES charity_projects(id),
    fund_id      TEXT REFERENCES charity_funds(id),
    entry_date   TEXT NOT NULL,
    kind         TEXT NOT NULL,
    amount_fen   BIGINT NOT NULL,
    purpose      TEXT NOT NULL,
    counterparty TEXT NOT NULL,
    receipt_ref  TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX charity_ledger_by_project ON charity_ledger (project_id, entry_date);
CREATE INDEX charity_ledger_by_fund ON charity_ledger (fund_id, entry_date);
CREATE INDEX charity_ledger_by_date ON charity_ledger (entry_date);

CREATE TABLE charity_updates (
    id          TEXT PRIMARY KEY,
    project_id  TEXT NOT NULL REFERENCES charity_projects(id),
    update_date TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX charity_updates_by_project ON charity_updates (project_id, update_date);

CREATE TABLE charity_disclosures (
    id              TEXT PRIMARY KEY,
    project_id      TEXT NOT NULL REFERENCES charity_projects(id),
    disclosure_date TEXT NOT NULL,
    title           TEXT NOT NULL
);
CREATE INDEX charity_disclosures_by_project ON charity_disclosures (project_id, disclosure_date);

CREATE TABLE charity_fund_reports (
    fund_id     TEXT NOT NULL REFERENCES charity_funds(id),
    year        BIGINT NOT NULL,
    title       TEXT NOT NULL,
    income_fen  BIGINT NOT NULL,
    expense_fen BIGINT NOT NULL,
    PRIMARY KEY (fund_id, year)
);

-- One row per gift order. The id is the order id; confirmation moves status pending → paid
-- exactly once (a conditional UPDATE), and only then are totals, ledger and receipt written.
-- donor_name is NULL for an anonymous gift: the name is never stored, so it can never leak.
CREATE TABLE charity_gifts (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id),
    project_id  TEXT NOT NULL REFERENCES charity_projects(id),
    amount_fen  BIGINT NOT NULL,
    anonymous   BIGINT NOT NULL,
    donor_name  TEXT,
    message     TEXT NOT NULL,
    frequency   TEXT NOT NULL,
    status      TEXT NOT NULL,
    provider    TEXT NOT NULL,
    payment_ref TEXT,
    receipt_no  TEXT UNIQUE,
    created_at  BIGINT NOT NULL,
    paid_at     BIGINT
);
CREATE INDEX charity_gifts_by_user ON charity_gifts (user_id, created_at);
CREATE INDEX charity_gifts_by_project ON charity_gifts (project_id, status, paid_at);

-- A monthly pledge, started by its first paid gift.
CREATE TABLE charity_pledges (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users(id),
    project_id    TEXT NOT NULL REFERENCES charity_projects(id),
    amount_fen    BIGINT NOT NULL,
    first_gift_id TEXT NOT NULL UNIQUE REFERENCES charity_gifts(id),
    status        TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX charity_pledges_by_user ON charity_pledges (user_id);
