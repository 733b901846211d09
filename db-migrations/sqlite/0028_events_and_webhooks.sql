-- Issue 25: an event feed read by sequence number, and webhooks delivered from an outbox written with each event.

-- Counters whose next number is taken in commit order (DbSession.NextInCommitOrderAsync): the row's write lock, held
-- until the taker commits, makes a later taker wait, so a higher number is never visible before a lower one. SQLite has
-- one writer at a time anyway; SQL Server uses the same table; PostgreSQL a sequence under an advisory lock (its
-- SERIALIZABLE transactions cannot update a row another committed meanwhile).
CREATE TABLE counters (
    name  TEXT NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('events', 0);

-- What happened, once per change (Events/EventFeed.cs): its type (Events/EventType.cs), when, and the ids involved as a
-- JSON object of strings. The sequence is the feed's order and cursor.
CREATE TABLE events (
    sequence    INTEGER NOT NULL PRIMARY KEY,
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_events_id ON events (id);

-- Who may read an event, decided when it is written from the objects it names (a contract's parties, a job's business
-- and producers, the accounts named): a feed read twice from one sequence returns the same events. Administrators read
-- every event without rows here.
CREATE TABLE event_audience (
    account_id TEXT NOT NULL REFERENCES users (id),
    sequence   INTEGER NOT NULL REFERENCES events (sequence),
    PRIMARY KEY (account_id, sequence)
);

-- An account's webhook endpoints. The signing secrets are kept as issued (the HMAC needs them); during a rotation the
-- previous secret signs too until previous_secret_until.
CREATE TABLE webhook_subscriptions (
    id                    TEXT NOT NULL PRIMARY KEY,
    account_id            TEXT NOT NULL REFERENCES users (id),
    url                   TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    secret                TEXT NOT NULL,
    previous_secret       TEXT NULL,
    previous_secret_until TEXT NULL,
    created_at            TEXT NOT NULL,
    disabled_at           TEXT NULL,
    disabled_reason       TEXT NULL
);
CREATE INDEX ix_webhook_subscriptions_account ON webhook_subscriptions (account_id, id);

CREATE TABLE webhook_subscription_types (
    subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id),
    event_type      TEXT NOT NULL,
    PRIMARY KEY (subscription_id, event_type)
);
CREATE INDEX ix_webhook_subscription_types_type ON webhook_subscription_types (event_type, subscription_id);

-- The outbox: one row per event and subscription, written in the event's transaction, claimed by one sender at a time
-- with a lease (Webhooks/WebhookSender.cs), and kept as the subscription's delivery log. Its id is
-- "{subscription}:{event id}", made in the INSERT ... SELECT that writes it.
CREATE TABLE webhook_deliveries (
    id                 TEXT NOT NULL PRIMARY KEY,
    subscription_id    TEXT NOT NULL REFERENCES webhook_subscriptions (id),
    sequence           INTEGER NOT NULL REFERENCES events (sequence),
    status             TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    TEXT NOT NULL,
    lease              TEXT NULL,
    lease_until        TEXT NULL,
    created_at         TEXT NOT NULL,
    last_attempt_at    TEXT NULL,
    last_response_code INTEGER NULL,
    last_error         TEXT NULL,
    delivered_at       TEXT NULL,
    UNIQUE (subscription_id, sequence)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_lease ON webhook_deliveries (lease);
