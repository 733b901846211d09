-- Issue 14 "Two-step sign-in": a time-based one-time password (TOTP, RFC 6238) beside the password, for anyone who
-- wants it and required of administrators before any administrator action.

-- One row per person who started enrolling. The secret must be readable to compute codes (RFC 6238 section 5.1
-- asks that it be protected); its protection at rest is the database's: the server's access rules and the encryption
-- of its disk and of its backups. confirmed_at is NULL while enrolment is pending (a new enrolment replaces the
-- pending secret). last_step is the last accepted RFC 6238 time step: a code of that step or of any earlier one is
-- never accepted again (OWASP ASVS 5.0 V6.5.1), decided by a conditional UPDATE.
CREATE TABLE two_step (
    user_id      text NOT NULL PRIMARY KEY REFERENCES users (id),
    secret       text NOT NULL,
    created_at   timestamptz NOT NULL,
    confirmed_at timestamptz NULL,
    last_step    bigint NULL
);

-- Ten recovery codes per confirmed enrolment, shown once and kept only as SHA-256 hashes (each has 120 random bits,
-- so a plain hash suffices: OWASP ASVS 5.0 V6.5.2); each is usable once (used_at set by a conditional UPDATE).
CREATE TABLE two_step_recovery_codes (
    user_id   text NOT NULL REFERENCES users (id),
    code_hash text NOT NULL,
    used_at   timestamptz NULL,
    PRIMARY KEY (user_id, code_hash)
);
