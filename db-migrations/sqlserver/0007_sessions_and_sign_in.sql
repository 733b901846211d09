-- Issue 14 "Hardening": sessions the server can end, tokens that expire and show their last use, per-account
-- throttling of failed sign-ins, and which password hashes were made from the NFKC form of the password.

-- One row per sign-in. The cookie names its session; a request is signed in only while the row is live, so
-- sign-out, "sign out everywhere" and a password change end a session at once (OWASP ASVS 5.0 V7.4.1, V7.4.3).
-- expires_at is the absolute lifetime (V7.3.2); the idle lifetime lives in the cookie's own expiry.
CREATE TABLE sessions (
    id         nvarchar(32) NOT NULL PRIMARY KEY,
    user_id    nvarchar(32) NOT NULL REFERENCES users (id),
    created_at datetimeoffset(7) NOT NULL,
    expires_at datetimeoffset(7) NOT NULL,
    ended_at   datetimeoffset(7) NULL
);
CREATE INDEX ix_sessions_user ON sessions (user_id);

ALTER TABLE api_tokens ADD expires_at datetimeoffset(7) NULL;
ALTER TABLE api_tokens ADD last_used_at datetimeoffset(7) NULL;

-- 0: the hash was made from the password exactly as typed (every account before this script); it is made again
-- from the NFKC form at the next successful sign-in. 1: made from the NFKC form (NIST SP 800-63B 5.1.1.2).
ALTER TABLE users ADD password_nfkc bit NOT NULL DEFAULT 0;

-- Failed sign-ins per email as typed (normalised), whether or not an account has that email, so that a lock
-- answers alike for both. A success clears the row; rows whose last failure is a day old are deleted. The key is
-- 450 characters, the most a clustered key holds: an email of the validator's 254 may grow under NFKC.
CREATE TABLE sign_in_failures (
    email          nvarchar(450) NOT NULL PRIMARY KEY,
    failures       bigint NOT NULL CHECK (failures >= 1),
    last_failed_at datetimeoffset(7) NOT NULL,
    locked_until   datetimeoffset(7) NULL
);
CREATE INDEX ix_sign_in_failures_last ON sign_in_failures (last_failed_at);
