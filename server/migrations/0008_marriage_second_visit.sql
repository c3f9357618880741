-- 婚姻登记预约: a divorce's second visit points at its first visit (the legal clock runs from it).
ALTER TABLE marriage_bookings ADD COLUMN first_visit_id TEXT;
CREATE INDEX marriage_bookings_by_first_visit ON marriage_bookings (first_visit_id);
