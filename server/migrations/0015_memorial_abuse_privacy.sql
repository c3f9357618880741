-- 祭扫 (issue 10): memorials that cannot be turned against families.

-- Making a memorial public: how the requester is related to the deceased, and when.
ALTER TABLE memorials ADD COLUMN publisher_relation TEXT;
ALTER TABLE memorials ADD COLUMN published_at BIGINT;

-- Invitations: an id to list and revoke them by (never the token), uses counted up to a
-- maximum, revocation by the owner.
ALTER TABLE memorial_invitations ADD COLUMN id TEXT;
UPDATE memorial_invitations SET id = substr(token_hash, 1, 32) WHERE id IS NULL;
CREATE UNIQUE INDEX memorial_invitations_by_id ON memorial_invitations (id);
CREATE INDEX memorial_invitations_by_memorial ON memorial_invitations (memorial_id, created_at);
ALTER TABLE memorial_invitations ADD COLUMN max_uses BIGINT NOT NULL DEFAULT 5;
ALTER TABLE memorial_invitations ADD COLUMN uses BIGINT NOT NULL DEFAULT 0;
ALTER TABLE memorial_invitations ADD COLUMN revoked_at BIGINT;

-- A member the owner removed keeps a row (removed_at), so an old link cannot bring them back.
ALTER TABLE memorial_members ADD COLUMN removed_at BIGINT;

-- Reports become a queue staff work through: open, then hidden (message hidden) or dismissed.
ALTER TABLE memorial_reports ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
ALTER TABLE memorial_reports ADD COLUMN handled_at BIGINT;
CREATE INDEX memorial_reports_by_status ON memorial_reports (status, created_at);

-- Proxy sweeping requests can be cancelled by the family while still 'requested'.
ALTER TABLE memorial_proxy_requests ADD COLUMN cancelled_at BIGINT;
