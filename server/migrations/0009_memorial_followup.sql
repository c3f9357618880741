-- 祭扫, second round. Numbered 0106 (100 + the journey's first migration) so it cannot collide
-- with other journeys' follow-up migrations written at the same time.

-- Which cemeteries offer proxy sweeping (代祭扫): data, not code.
ALTER TABLE memorial_cemeteries ADD COLUMN proxy_service BIGINT NOT NULL DEFAULT 1;

-- Booking for someone else (an elderly relative): the visitor's phone, beside their name.
ALTER TABLE memorial_bookings ADD COLUMN visitor_phone TEXT NOT NULL DEFAULT '';

-- Reminders sent: one per memorial, occasion (`anniversary`, `qingming`) and year. The primary
-- key makes a second send impossible even when the job runs twice or on two servers at once.
CREATE TABLE memorial_reminders_sent (
    memorial_id TEXT NOT NULL REFERENCES memorials(id),
    occasion    TEXT NOT NULL,
    year        BIGINT NOT NULL,
    sent_on     TEXT NOT NULL,
    PRIMARY KEY (memorial_id, occasion, year)
);

-- 燕川生态纪念园 holds tree, flower and lawn burials: no headstone for staff to tend.
UPDATE memorial_cemeteries SET proxy_service = 0 WHERE id = 'yanchuan';
