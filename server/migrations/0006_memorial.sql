-- 祭扫: cemeteries, booking windows and hourly slots, visit bookings, proxy sweeping,
-- online memorials with invitations, offerings, messages and reports.

CREATE TABLE memorial_cemeteries (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    address   TEXT NOT NULL,
    map_url   TEXT NOT NULL,
    max_group BIGINT NOT NULL,
    sort      BIGINT NOT NULL
);

-- Reference data: the district's public cemeteries (served by /api/v1/memorial/cemeteries).
INSERT INTO memorial_cemeteries (id, name, address, map_url, max_group, sort) VALUES
 ('baoshan', '宝山园', '深圳市宝安区石岩街道宝石东路', 'https://uri.amap.com/search?keyword=%E5%AE%9D%E5%AE%89%E5%AE%9D%E5%B1%B1%E5%9B%AD', 6, 1),
 ('fenghuangshan', '凤凰山公墓', '深圳市宝安区福海街道凤凰山', 'https://uri.amap.com/search?keyword=%E5%87%A4%E5%87%B0%E5%B1%B1%E5%85%AC%E5%A2%93', 6, 2),
 ('yanchuan', '燕川生态纪念园', '深圳市宝安区燕罗街道燕川社区', 'https://uri.amap.com/search?keyword=%E7%87%95%E5%B7%9D%E7%BA%AA%E5%BF%B5%E5%9B%AD', 4, 3);

-- A booking period (清明, 冬至…): which days, how many days ahead, the service's daily hours.
CREATE TABLE memorial_windows (
    id            TEXT PRIMARY KEY,
    cemetery_id   TEXT NOT NULL REFERENCES memorial_cemeteries(id),
    kind          TEXT NOT NULL,
    starts_on     TEXT NOT NULL,
    ends_on       TEXT NOT NULL,
    days_ahead    BIGINT NOT NULL,
    opens_minute  BIGINT NOT NULL,
    closes_minute BIGINT NOT NULL
);

-- One hourly slot; `taken` only changes through capacity::take/release.
CREATE TABLE memorial_slots (
    id            TEXT PRIMARY KEY,
    cemetery_id   TEXT NOT NULL REFERENCES memorial_cemeteries(id),
    window_id     TEXT NOT NULL REFERENCES memorial_windows(id),
    visit_date    TEXT NOT NULL,
    starts_minute BIGINT NOT NULL,
    ends_minute   BIGINT NOT NULL,
    capacity      BIGINT NOT NULL,
    taken         BIGINT NOT NULL
);
CREATE INDEX memorial_slots_by_day ON memorial_slots (cemetery_id, visit_date, starts_minute);

CREATE TABLE memorial_bookings (
    id            TEXT PRIMARY KEY,
    reference     TEXT NOT NULL UNIQUE,
    user_id       TEXT NOT NULL REFERENCES users(id),
    slot_id       TEXT NOT NULL REFERENCES memorial_slots(id),
    visit_date    TEXT NOT NULL,
    group_size    BIGINT NOT NULL,
    plate         TEXT NOT NULL,
    deceased_name TEXT NOT NULL,
    grave_area    TEXT NOT NULL,
    grave_row     TEXT NOT NULL,
    grave_number  TEXT NOT NULL,
    visitor_name  TEXT NOT NULL,
    status        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    cancelled_at  BIGINT
);
-- One active booking per account per day, enforced by the database even under a race.
CREATE UNIQUE INDEX memorial_one_active_per_day ON memorial_bookings (user_id, visit_date) WHERE status = 'active';

-- The cemeteries' burial register: a memorial may go public only when linked to a record here.
CREATE TABLE memorial_burial_records (
    certificate_number TEXT PRIMARY KEY,
    deceased_name      TEXT NOT NULL,
    cemetery_id        TEXT NOT NULL REFERENCES memorial_cemeteries(id),
    buried_on          TEXT NOT NULL
);

CREATE TABLE memorial_proxy_requests (
    id            TEXT PRIMARY KEY,
    reference     TEXT NOT NULL UNIQUE,
    user_id       TEXT NOT NULL REFERENCES users(id),
    cemetery_id   TEXT NOT NULL REFERENCES memorial_cemeteries(id),
    service_date  TEXT NOT NULL,
    services      TEXT NOT NULL,
    deceased_name TEXT NOT NULL,
    grave_area    TEXT NOT NULL,
    grave_row     TEXT NOT NULL,
    grave_number  TEXT NOT NULL,
    note          TEXT NOT NULL,
    status        TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    done_at       BIGINT
);
CREATE TABLE memorial_proxy_photos (
    proxy_id  TEXT NOT NULL REFERENCES memorial_proxy_requests(id),
    upload_id TEXT NOT NULL REFERENCES uploads(id),
    PRIMARY KEY (proxy_id, upload_id)
);

CREATE TABLE memorials (
    id                 TEXT PRIMARY KEY,
    owner_id           TEXT NOT NULL REFERENCES users(id),
    deceased_name      TEXT NOT NULL,
    born_on            TEXT NOT NULL,
    died_on            TEXT NOT NULL,
    biography          TEXT NOT NULL,
    photo              TEXT,
    visibility         TEXT NOT NULL,
    certificate_number TEXT,
    reminder           BIGINT NOT NULL,
    created_at         BIGINT NOT NULL
);
CREATE TABLE memorial_members (
    memorial_id TEXT NOT NULL REFERENCES memorials(id),
    user_id     TEXT NOT NULL REFERENCES users(id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (memorial_id, user_id)
);
CREATE TABLE memorial_invitations (
    token_hash  TEXT PRIMARY KEY,
    memorial_id TEXT NOT NULL REFERENCES memorials(id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE TABLE memorial_offerings (
    id          TEXT PRIMARY KEY,
    memorial_id TEXT NOT NULL REFERENCES memorials(id),
    user_id     TEXT NOT NULL REFERENCES users(id),
    kind        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX memorial_offerings_by_memorial ON memorial_offerings (memorial_id);
CREATE TABLE memorial_messages (
    id          TEXT PRIMARY KEY,
    memorial_id TEXT NOT NULL REFERENCES memorials(id),
    user_id     TEXT NOT NULL REFERENCES users(id),
    text        TEXT NOT NULL,
    hidden      BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX memorial_messages_by_memorial ON memorial_messages (memorial_id, created_at);
CREATE INDEX memorial_messages_by_user ON memorial_messages (user_id, created_at);
CREATE TABLE memorial_reports (
    id          TEXT PRIMARY KEY,
    memorial_id TEXT NOT NULL REFERENCES memorials(id),
    message_id  TEXT,
    user_id     TEXT NOT NULL REFERENCES users(id),
    reason      TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
