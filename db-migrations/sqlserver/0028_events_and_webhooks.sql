-- Issue 25: an event feed read by sequence number, and webhooks delivered from an outbox written with each event.

-- Counters whose next number is taken in commit order (DbSession.NextInCommitOrderAsync): the UPDATE's exclusive row
-- lock, held until the taker commits, makes a later taker wait, so a higher number is never visible before a lower one.
CREATE TABLE counters (
    name  nvarchar(64) NOT NULL PRIMARY KEY,
    value bigint NOT NULL
);
INSERT INTO counters (name, value) VALUES (N'events', 0);

-- What happened, once per change (Events/EventFeed.cs): its type (Events/EventType.cs), when, and the ids involved as a
-- JSON object of strings. The sequence is the feed's order and cursor.
CREATE TABLE events (
    sequence    bigint NOT NULL PRIMARY KEY,
    id          nvarchar(32) NOT NULL,
    type        nvarchar(64) NOT NULL,
    occurred_at datetimeoffset(7) NOT NULL,
    data        nvarchar(max) NOT NULL
);
CREATE UNIQUE INDEX ux_events_id ON events (id);

-- Who may read an event, decided when it is written from the objects it names. Administrators read every event.
CREATE TABLE event_audience (
    account_id nvarchar(32) NOT NULL REFERENCES users (id),
    sequence   bigint NOT NULL REFERENCES events (sequence),
    PRIMARY KEY (account_id, sequence)
);

-- An account's webhook endpoints; during a rotation the previous secret signs too until previous_secret_until.
CREATE TABLE webhook_subscriptions (
    id                    nvarchar(32) NOT NULL PRIMARY KEY,
    account_id            nvarchar(32) NOT NULL REFERENCES users (id),
    url                   nvarchar(max) NOT NULL,
    status                nvarchar(20) NOT NULL CHECK (status IN (N'active', N'disabled')),
    secret                nvarchar(100) NOT NULL,
    previous_secret       nvarchar(100) NULL,
    previous_secret_until datetimeoffset(7) NULL,
    created_at            datetimeoffset(7) NOT NULL,
    disabled_at           datetimeoffset(7) NULL,
    disabled_reason       nvarchar(max) NULL
);
CREATE INDEX ix_webhook_subscriptions_account ON webhook_subscriptions (account_id, id);

CREATE TABLE webhook_subscription_types (
    subscription_id nvarchar(32) NOT NULL REFERENCES webhook_subscriptions (id),
    event_type      nvarchar(64) NOT NULL,
    PRIMARY KEY (subscription_id, event_type)
);
CREATE INDEX ix_webhook_subscription_types_type ON webhook_subscription_types (event_type, subscription_id);

-- The outbox: one row per event and subscription, claimed by one sender at a time with a lease, kept as the delivery log.
CREATE TABLE webhook_deliveries (
    id                 nvarchar(80) NOT NULL PRIMARY KEY,
    subscription_id    nvarchar(32) NOT NULL REFERENCES webhook_subscriptions (id),
    sequence           bigint NOT NULL REFERENCES events (sequence),
    status             nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'delivered', N'failed')),
    attempts           bigint NOT NULL DEFAULT 0,
    next_attempt_at    datetimeoffset(7) NOT NULL,
    lease              nvarchar(32) NULL,
    lease_until        datetimeoffset(7) NULL,
    created_at         datetimeoffset(7) NOT NULL,
    last_attempt_at    datetimeoffset(7) NULL,
    last_response_code bigint NULL,
    last_error         nvarchar(max) NULL,
    delivered_at       datetimeoffset(7) NULL,
    UNIQUE (subscription_id, sequence)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_lease ON webhook_deliveries (lease);
GO
