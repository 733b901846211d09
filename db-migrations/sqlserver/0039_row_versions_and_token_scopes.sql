-- Issue 25: row versions (the ETag of whole-object updates, compared in the UPDATE's WHERE) and token scopes.
-- See the SQLite script of the same name for the reasons.
ALTER TABLE jobs ADD row_version bigint NOT NULL DEFAULT 0;
ALTER TABLE worker_profiles ADD row_version bigint NOT NULL DEFAULT 0;
ALTER TABLE bank_accounts ADD row_version bigint NOT NULL DEFAULT 0;
ALTER TABLE users ADD business_profile_version bigint NOT NULL DEFAULT 0;

ALTER TABLE api_tokens ADD scopes nvarchar(200) NOT NULL DEFAULT N'';
ALTER TABLE api_tokens ADD all_scopes bit NOT NULL DEFAULT 0;
GO
UPDATE api_tokens SET all_scopes = 1;
