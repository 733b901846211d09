-- Issue 14 "Hardening": sessions the server can end, tokens that expire and show their last use, per-account
-- throttling of failed sign-ins, and which password hashes were made from the NFKC form of the password.

-- One row per sign-in. The cookie names its session; a request is signed in only while the row is live, so
-- sign-out, "sign out everywhere" and a password change end a session at once (OWASP ASVS 5.0 V7.4.1, V7.4.3).
-- expires_at is the absolute lifetime (V7.3.2); the idle lifetime lives in the cookie's own expiry.
CREATE TABLE sessions (
    id         text NOT NULL PRIMARY KEY,
    user_id    text NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    ended_at   timestamptz NULL
);
CREATE INDEX ix_sessions_user ON sessions (user_id);

ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz NULL;
ALTER TABLE api_tokens ADD COLUMN last_used_at timestamptz NULL;

-- FALSE: the hash was made from the password exactly as typed (every account before this script); it is made again
-- from the NFKC form at the next successful sign-in. TRUE: made from the NFKC form (NIST SP 800-63B 5.1.1.2).
ALTER TABLE users ADD COLUMN password_nfkc boolean NOT NULL DEFAULT FALSE;

-- Failed sign-ins per email as typed (normalised), whether or not an account has that email, so that a lock
-- answers alike for both. A success clears the row; rows whose last failure is a day old are deleted.
CREATE TABLE sign_in_failures (
    email          text NOT NULL PRIMARY KEY,
    failures       bigint NOT NULL CHECK (failures >= 1),
    last_failed_at timestamptz NOT NULL,
    locked_until   timestamptz NULL
);
CREATE INDEX ix_sign_in_failures_last ON sign_in_failures (last_failed_at);
