-- 婚姻登记预约 (issue 10): bookings belong to people, not to phone numbers.
-- Party B confirms or declines in their own account (found by the phone party A gave); the
-- account that confirmed is kept, so the divorce second visit can be booked from it.
ALTER TABLE marriage_bookings ADD COLUMN partner_phone TEXT;
ALTER TABLE marriage_bookings ADD COLUMN partner_user_id TEXT;
CREATE INDEX marriage_bookings_by_partner_phone ON marriage_bookings (partner_phone, created_at);
CREATE INDEX marriage_bookings_by_partner_user ON marriage_bookings (partner_user_id);

-- The holds of `marriage_active_people` end with the visit: a hold whose day has passed no longer
-- locks anyone (a new claim takes it over). Keys: `<id_type>:<number>` for a person (claimed when
-- party B confirms), `pending:<user_id>` (one booking awaiting its partner per account) and
-- `active:<user_id>` (one confirmed booking per account).
ALTER TABLE marriage_active_people ADD COLUMN until_day TEXT;
UPDATE marriage_active_people SET until_day = (
    SELECT s.day FROM marriage_bookings b JOIN marriage_slots s ON s.id = b.slot_id
    WHERE b.id = marriage_active_people.booking_id
);
-- Bookings made before: no partner account can confirm them (they had codes); they expire.
UPDATE marriage_bookings SET partner_code_hash = NULL;
