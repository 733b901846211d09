-- Issue 25. Row versions: the ETag of an object a client replaces whole (a job's files, a worker's profile, a worker's
-- bank account, a business's profile). Each update adds one, and an update sent with If-Match changes the row only
-- WHERE row_version still is the version the client read, so of two tabs editing the same object one wins and the
-- other is told (412), instead of silently overwriting it. A counter rather than a hash of the row: the WHERE compares
-- one integer on every engine, and a hash would need each engine's own hashing function in shared SQL.
ALTER TABLE jobs ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE worker_profiles ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bank_accounts ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;
-- A business's profile lives on its users row, which other changes touch too: its own counter.
ALTER TABLE users ADD COLUMN business_profile_version INTEGER NOT NULL DEFAULT 0;

-- Token scopes: what a personal token may do, chosen when it is made (space-separated, e.g. 'read jobs:write').
-- Tokens made before scopes existed keep every right of their person until they expire or are revoked (all_scopes).
ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN all_scopes INTEGER NOT NULL DEFAULT 0;
UPDATE api_tokens SET all_scopes = 1;
