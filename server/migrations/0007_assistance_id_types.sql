-- Social assistance: household members may identify with any ID document the contract knows
-- (resident ID, Hong Kong/Macau or Taiwan permit, passport). Rows from before were resident IDs.
-- The applicant's ID type lives in the stored form, like the rest of the applicant's details.
ALTER TABLE assistance_members ADD COLUMN id_type TEXT NOT NULL DEFAULT 'resident_id';
