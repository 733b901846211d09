-- What each party is told. A notification is written in the same transaction as the event that causes it;
-- its event key makes a repeated event (a retried request, a reminder run twice or on two instances) a no-op.
CREATE TABLE notifications (
    id          TEXT NOT NULL PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL,
    message     TEXT NOT NULL,
    job_id      TEXT NULL REFERENCES jobs (id),
    contract_id TEXT NULL REFERENCES contracts (id),
    event_key   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    read_at     TEXT NULL
);
CREATE UNIQUE INDEX ux_notifications_event ON notifications (user_id, event_key);
CREATE INDEX ix_notifications_user ON notifications (user_id, id);
