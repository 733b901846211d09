-- Issue 29: an office's invitation is mailed (account mail kind officeInvitation) instead of handed over by the
-- administrator. SQLite cannot change a column's CHECK, and account_mail.kind is NOT NULL without a default, so the
-- table is made again with the longer list, as SQLite's documentation describes (create, copy, drop, rename), with
-- its columns in 0026's order and its indexes. Nothing references account_mail.
CREATE TABLE account_mail_0040 (
    id              TEXT NOT NULL PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users (id),
    kind            TEXT NOT NULL CHECK (kind IN ('passwordReset', 'emailConfirmation', 'emailChange', 'emailChanged', 'passwordChanged',
                                                  'officeInvitation')),
    to_address      TEXT NOT NULL,
    sealed_token    TEXT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'logged', 'failed', 'dropped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease           TEXT NULL,
    lease_until     TEXT NULL,
    sent_at         TEXT NULL,
    last_error      TEXT NULL,
    created_at      TEXT NOT NULL
);
INSERT INTO account_mail_0040 (id, user_id, kind, to_address, sealed_token, status, attempts, next_attempt_at, lease, lease_until, sent_at, last_error, created_at)
SELECT id, user_id, kind, to_address, sealed_token, status, attempts, next_attempt_at, lease, lease_until, sent_at, last_error, created_at FROM account_mail;
DROP TABLE account_mail;
ALTER TABLE account_mail_0040 RENAME TO account_mail;
CREATE INDEX ix_account_mail_due ON account_mail (status, next_attempt_at);
CREATE INDEX ix_account_mail_lease ON account_mail (lease);
CREATE INDEX ix_account_mail_user ON account_mail (user_id);
