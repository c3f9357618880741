-- Social assistance (社会救助): the standards the rules read, communities, drafts, applications
-- with their members, documents and status history.

-- Standards are data: amounts, ages, thresholds (one row each; names are the fields of the
-- contract's `Standards`). The district changes a row, never the app.
CREATE TABLE assistance_standards (
    key    TEXT PRIMARY KEY,
    value  BIGINT NOT NULL
);
INSERT INTO assistance_standards (key, value) VALUES
    ('minimum_living_yuan', 1250),
    ('margin_percent', 150),
    ('asset_limit_months', 24),
    ('extreme_poverty_elderly_age', 60),
    ('extreme_poverty_minor_age', 16),
    ('severe_disability_max_level', 2),
    ('elderly_allowance_age', 70),
    ('elderly_allowance_yuan', 200),
    ('disability_living_subsidy_yuan', 300),
    ('severe_disability_nursing_yuan', 300),
    ('temporary_assistance_max_yuan', 15000),
    ('public_notice_days', 7),
    ('community_acceptance_days', 5),
    ('home_visit_days', 10),
    ('street_review_days', 10),
    ('district_approval_days', 10),
    ('payment_days', 10),
    ('documents_request_days', 10);

-- Communities (社区) where applications are accepted, by street: reference data.
CREATE TABLE assistance_communities (
    code          TEXT PRIMARY KEY,
    street        TEXT NOT NULL REFERENCES streets(code),
    name_zh_hans  TEXT NOT NULL,
    name_zh_hant  TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    sort_order    BIGINT NOT NULL
);
INSERT INTO assistance_communities (code, street, name_zh_hans, name_zh_hant, name_en, sort_order) VALUES
    ('xinan-haiyu',      'xinan',     '海裕社区', '海裕社區', 'Haiyu Community',     1),
    ('xinan-baomin',     'xinan',     '宝民社区', '寶民社區', 'Baomin Community',    2),
    ('xixiang-gushu',    'xixiang',   '固戍社区', '固戍社區', 'Gushu Community',     3),
    ('xixiang-xixiang',  'xixiang',   '西乡社区', '西鄉社區', 'Xixiang Community',   4),
    ('hangcheng-huangtian','hangcheng','黄田社区', '黃田社區', 'Huangtian Community', 5),
    ('hangcheng-hezhou', 'hangcheng', '鹤洲社区', '鶴洲社區', 'Hezhou Community',    6),
    ('fuyong-fuyong',    'fuyong',    '福永社区', '福永社區', 'Fuyong Community',    7),
    ('fuyong-fenghuang', 'fuyong',    '凤凰社区', '鳳凰社區', 'Fenghuang Community', 8),
    ('fuhai-xinhe',      'fuhai',     '新和社区', '新和社區', 'Xinhe Community',     9),
    ('fuhai-qiaotou',    'fuhai',     '桥头社区', '橋頭社區', 'Qiaotou Community',  10),
    ('shajing-shajing',  'shajing',   '沙井社区', '沙井社區', 'Shajing Community',  11),
    ('shajing-xuegang',  'shajing',   '壆岗社区', '壆崗社區', 'Xuegang Community',  12),
    ('xinqiao-xinqiao',  'xinqiao',   '新桥社区', '新橋社區', 'Xinqiao Community',  13),
    ('xinqiao-shangliao','xinqiao',   '上寮社区', '上寮社區', 'Shangliao Community',14),
    ('songgang-songgang','songgang',  '松岗社区', '松崗社區', 'Songgang Community', 15),
    ('songgang-dongfang','songgang',  '东方社区', '東方社區', 'Dongfang Community', 16),
    ('yanluo-yanchuan',  'yanluo',    '燕川社区', '燕川社區', 'Yanchuan Community', 17),
    ('yanluo-luotian',   'yanluo',    '罗田社区', '羅田社區', 'Luotian Community',  18),
    ('shiyan-shiyan',    'shiyan',    '石岩社区', '石岩社區', 'Shiyan Community',   19),
    ('shiyan-langxin',   'shiyan',    '浪心社区', '浪心社區', 'Langxin Community',  20);

-- One draft per resident (the app's own format), so an application resumes on another device.
CREATE TABLE assistance_drafts (
    user_id     TEXT PRIMARY KEY REFERENCES users(id),
    content     TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- `form` keeps the submitted form as JSON (what the resident signed); members and documents are
-- also rows of their own for staff's queries and later additions (容缺, 补正).
CREATE TABLE assistance_applications (
    id                   TEXT PRIMARY KEY,
    reference            TEXT NOT NULL UNIQUE,
    user_id              TEXT NOT NULL REFERENCES users(id),
    programme            TEXT NOT NULL,
    state                TEXT NOT NULL,
    stage                TEXT NOT NULL,
    form                 TEXT NOT NULL,
    requested_documents  TEXT NOT NULL DEFAULT '',
    requested_note       TEXT,
    requested_by         TEXT,
    decision_reason      TEXT,
    submitted_at         BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX assistance_applications_by_user ON assistance_applications (user_id, submitted_at);

CREATE TABLE assistance_members (
    application_id       TEXT NOT NULL REFERENCES assistance_applications(id),
    position             BIGINT NOT NULL,
    relation             TEXT NOT NULL,
    name                 TEXT NOT NULL,
    id_number            TEXT NOT NULL,
    birth_date           TEXT NOT NULL,
    work_status          TEXT NOT NULL,
    monthly_income_yuan  BIGINT NOT NULL,
    disability_level     BIGINT NOT NULL,
    PRIMARY KEY (application_id, position)
);

CREATE TABLE assistance_documents (
    application_id  TEXT NOT NULL REFERENCES assistance_applications(id),
    upload_id       TEXT NOT NULL REFERENCES uploads(id),
    kind            TEXT NOT NULL,
    name            TEXT NOT NULL,
    added_at        BIGINT NOT NULL,
    PRIMARY KEY (application_id, upload_id)
);

-- Every status change; `stage` is the step that began with it (for the timeline's dates).
CREATE TABLE assistance_history (
    id              TEXT PRIMARY KEY,
    application_id  TEXT NOT NULL REFERENCES assistance_applications(id),
    at              BIGINT NOT NULL,
    day             TEXT NOT NULL,
    event           TEXT NOT NULL,
    stage           TEXT,
    detail          TEXT
);
CREATE INDEX assistance_history_by_application ON assistance_history (application_id, at);
