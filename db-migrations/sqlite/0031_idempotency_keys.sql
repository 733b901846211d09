-- Issue 25: a POST sent with an Idempotency-Key header is done once per key and account; a retry with the same key and
-- the same request is answered the first answer again (Platform/IdempotencyKeys.cs). The row is claimed in the
-- command's own transaction, so it exists exactly when the work committed; the primary key decides two requests that
-- claim one key at once. The answer (status, content type, Location, body) is added once it is written. Rows older than
-- 24 hours are forgotten: the next claim by the same account deletes them.
CREATE TABLE idempotency_keys (
    account_id        TEXT NOT NULL,
    idempotency_key   TEXT NOT NULL,
    request_hash      TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    response_status   INTEGER NULL,
    response_type     TEXT NULL,
    response_location TEXT NULL,
    response_body     BLOB NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX ix_idempotency_keys_account_created ON idempotency_keys (account_id, created_at);
