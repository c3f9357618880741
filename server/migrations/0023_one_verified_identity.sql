-- Verified identity: one person, one verified account (ARCHITECTURE.md, "One person, several
-- phone accounts"). An ID number verified on one live account cannot be verified on another:
-- the resident signs in with that account's phone number instead. Deleting an account clears
-- its identity columns, so the number is free again. Portable SQL (SQLite and PostgreSQL both
-- have partial unique indexes).

-- Verifications made before this rule: the earliest one of a number stays, later ones on other
-- accounts are withdrawn (the profile keeps its typed name and number, unlocked).
UPDATE users SET identity_verified_by = NULL, identity_verified_at = NULL, identity_issuer = NULL,
                 identity_subject = NULL
WHERE identity_verified_by IS NOT NULL
  AND EXISTS (
      SELECT 1 FROM users o
      WHERE o.id_number = users.id_number AND o.identity_verified_by IS NOT NULL AND o.id <> users.id
        AND (o.identity_verified_at < users.identity_verified_at
             OR (o.identity_verified_at = users.identity_verified_at AND o.id < users.id)));

CREATE UNIQUE INDEX users_one_verified_identity ON users (id_number) WHERE identity_verified_by IS NOT NULL;
