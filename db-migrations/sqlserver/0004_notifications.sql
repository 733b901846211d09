-- What each party is told. A notification is written in the same transaction as the event that causes it;
-- its event key makes a repeated event (a retried request, a reminder run twice or on two instances) a no-op.
CREATE TABLE notifications (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    user_id     nvarchar(32) NOT NULL REFERENCES users (id),
    kind        nvarchar(50) NOT NULL,
    message     nvarchar(max) NOT NULL,
    job_id      nvarchar(32) NULL REFERENCES jobs (id),
    contract_id nvarchar(32) NULL REFERENCES contracts (id),
    event_key   nvarchar(200) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL,
    read_at     datetimeoffset(7) NULL
);
CREATE UNIQUE INDEX ux_notifications_event ON notifications (user_id, event_key);
CREATE INDEX ix_notifications_user ON notifications (user_id, id);
