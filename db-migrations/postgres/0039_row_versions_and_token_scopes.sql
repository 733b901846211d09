-- Issue 25: row versions (the ETag of whole-object updates, compared in the UPDATE's WHERE) and token scopes.
-- See the SQLite script of the same name for the reasons.
ALTER TABLE jobs ADD COLUMN row_version bigint NOT NULL DEFAULT 0;
ALTER TABLE worker_profiles ADD COLUMN row_version bigint NOT NULL DEFAULT 0;
ALTER TABLE bank_accounts ADD COLUMN row_version bigint NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN business_profile_version bigint NOT NULL DEFAULT 0;

ALTER TABLE api_tokens ADD COLUMN scopes text NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN all_scopes boolean NOT NULL DEFAULT FALSE;
UPDATE api_tokens SET all_scopes = TRUE;
