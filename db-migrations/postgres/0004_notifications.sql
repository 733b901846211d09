-- What each party is told. A notification is written in the same transaction as the event that causes it;
-- its event key makes a repeated event (a retried request, a reminder run twice or on two instances) a no-op.
CREATE TABLE notifications (
    id          text NOT NULL PRIMARY KEY,
    user_id     text NOT NULL REFERENCES users (id),
    kind        text NOT NULL,
    message     text NOT NULL,
    job_id      text NULL REFERENCES jobs (id),
    contract_id text NULL REFERENCES contracts (id),
    event_key   text NOT NULL,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz NULL
);
CREATE UNIQUE INDEX ux_notifications_event ON notifications (user_id, event_key);
CREATE INDEX ix_notifications_user ON notifications (user_id, id);
