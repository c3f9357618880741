-- 婚姻登记预约: registry offices, their special days, slots with capacity, bookings.

-- Any office serves any couple (全城通办). Texts are stored in the app's three languages.
CREATE TABLE marriage_offices (
    id              TEXT PRIMARY KEY,
    sort_order      BIGINT NOT NULL,
    name_zh_hans    TEXT NOT NULL,
    name_zh_hant    TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    address_zh_hans TEXT NOT NULL,
    address_zh_hant TEXT NOT NULL,
    address_en      TEXT NOT NULL,
    hours_zh_hans   TEXT NOT NULL,
    hours_zh_hant   TEXT NOT NULL,
    hours_en        TEXT NOT NULL,
    phone           TEXT NOT NULL,
    map_url         TEXT NOT NULL,
    -- Places per registration slot; slots are generated from this for the bookable period.
    slot_capacity   BIGINT NOT NULL,
    -- The last day slots have been generated for (ISO date), so each day is generated once.
    slots_through   TEXT
);

-- Closed (holiday), extended (open on a weekend/holiday) and busy (popular) days.
CREATE TABLE marriage_special_days (
    office_id     TEXT NOT NULL REFERENCES marriage_offices(id),
    day           TEXT NOT NULL,
    kind          TEXT NOT NULL,
    note_zh_hans  TEXT NOT NULL,
    note_zh_hant  TEXT NOT NULL,
    note_en       TEXT NOT NULL,
    PRIMARY KEY (office_id, day)
);

-- One row per bookable time. id = office|day|purpose|HHMM, so generating twice changes nothing.
-- `taken` only changes through capacity::take/release (a conditional UPDATE that cannot overbook).
CREATE TABLE marriage_slots (
    id            TEXT PRIMARY KEY,
    office_id     TEXT NOT NULL REFERENCES marriage_offices(id),
    day           TEXT NOT NULL,
    purpose       TEXT NOT NULL,
    start_minute  BIGINT NOT NULL,
    end_minute    BIGINT NOT NULL,
    capacity      BIGINT NOT NULL,
    taken         BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX marriage_slots_by_day ON marriage_slots (office_id, day);

CREATE TABLE marriage_bookings (
    id                  TEXT PRIMARY KEY,
    reference           TEXT NOT NULL UNIQUE,
    user_id             TEXT NOT NULL REFERENCES users(id),
    kind                TEXT NOT NULL,
    status              TEXT NOT NULL,
    office_id           TEXT NOT NULL REFERENCES marriage_offices(id),
    slot_id             TEXT NOT NULL REFERENCES marriage_slots(id),
    ceremony_slot_id    TEXT,
    counselling_slot_id TEXT,
    -- Both parties as JSON (name, document, birth date, sex, nationality, phone).
    party_a             TEXT NOT NULL,
    party_b             TEXT NOT NULL,
    -- The partner's confirmation code, salted and hashed like sign-in codes.
    partner_code_hash   TEXT,
    partner_tries       BIGINT NOT NULL DEFAULT 0,
    confirm_by          BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);
CREATE INDEX marriage_bookings_by_user ON marriage_bookings (user_id, created_at);
CREATE INDEX marriage_bookings_pending ON marriage_bookings (status, confirm_by);

-- One active booking per person: a row per party's document while their booking is active.
-- The primary key makes a second booking fail inside the same transaction that takes the place.
CREATE TABLE marriage_active_people (
    person      TEXT PRIMARY KEY,
    booking_id  TEXT NOT NULL REFERENCES marriage_bookings(id)
);
