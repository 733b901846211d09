-- Issue 25: keys of POST requests sent with an Idempotency-Key header (see sqlite/0031).
CREATE TABLE idempotency_keys (
    account_id        text NOT NULL,
    idempotency_key   text NOT NULL,
    request_hash      text NOT NULL,
    created_at        timestamptz NOT NULL,
    response_status   integer NULL,
    response_type     text NULL,
    response_location text NULL,
    response_body     bytea NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_account_created ON idempotency_keys (account_id, created_at);
