-- Issue 25: an event feed read by sequence number, and webhooks delivered from an outbox written with each event.

-- The event sequence's numbers are taken under an advisory lock held until the taker commits
-- (PostgresDialect.NextInCommitOrder), so a higher number is never visible before a lower one. A SERIALIZABLE
-- transaction cannot update a counter row that another committed meanwhile (SQLite's and SQL Server's counters table),
-- but nextval() is outside transactions.
CREATE SEQUENCE counter_events AS bigint START WITH 1;

-- What happened, once per change (Events/EventFeed.cs): its type (Events/EventType.cs), when, and the ids involved as a
-- JSON object of strings. The sequence is the feed's order and cursor.
CREATE TABLE events (
    sequence    bigint NOT NULL PRIMARY KEY,
    id          text NOT NULL,
    type        text NOT NULL,
    occurred_at timestamptz NOT NULL,
    data        text NOT NULL
);
CREATE UNIQUE INDEX ux_events_id ON events (id);

-- Who may read an event, decided when it is written from the objects it names (a contract's parties, a job's business
-- and producers, the accounts named): a feed read twice from one sequence returns the same events. Administrators read
-- every event without rows here.
CREATE TABLE event_audience (
    account_id text NOT NULL REFERENCES users (id),
    sequence   bigint NOT NULL REFERENCES events (sequence),
    PRIMARY KEY (account_id, sequence)
);

-- An account's webhook endpoints. The signing secrets are kept as issued (the HMAC needs them); during a rotation the
-- previous secret signs too until previous_secret_until.
CREATE TABLE webhook_subscriptions (
    id                    text NOT NULL PRIMARY KEY,
    account_id            text NOT NULL REFERENCES users (id),
    url                   text NOT NULL,
    status                text NOT NULL CHECK (status IN ('active', 'disabled')),
    secret                text NOT NULL,
    previous_secret       text NULL,
    previous_secret_until timestamptz NULL,
    created_at            timestamptz NOT NULL,
    disabled_at           timestamptz NULL,
    disabled_reason       text NULL
);
CREATE INDEX ix_webhook_subscriptions_account ON webhook_subscriptions (account_id, id);

CREATE TABLE webhook_subscription_types (
    subscription_id text NOT NULL REFERENCES webhook_subscriptions (id),
    event_type      text NOT NULL,
    PRIMARY KEY (subscription_id, event_type)
);
CREATE INDEX ix_webhook_subscription_types_type ON webhook_subscription_types (event_type, subscription_id);

-- The outbox: one row per event and subscription, written in the event's transaction, claimed by one sender at a time
-- with a lease (Webhooks/WebhookSender.cs), and kept as the subscription's delivery log. Its id is
-- "{subscription}:{event id}", made in the INSERT ... SELECT that writes it.
CREATE TABLE webhook_deliveries (
    id                 text NOT NULL PRIMARY KEY,
    subscription_id    text NOT NULL REFERENCES webhook_subscriptions (id),
    sequence           bigint NOT NULL REFERENCES events (sequence),
    status             text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts           bigint NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    lease              text NULL,
    lease_until        timestamptz NULL,
    created_at         timestamptz NOT NULL,
    last_attempt_at    timestamptz NULL,
    last_response_code bigint NULL,
    last_error         text NULL,
    delivered_at       timestamptz NULL,
    UNIQUE (subscription_id, sequence)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_lease ON webhook_deliveries (lease);
