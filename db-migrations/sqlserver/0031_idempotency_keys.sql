-- Issue 25: keys of POST requests sent with an Idempotency-Key header (see sqlite/0031).
CREATE TABLE idempotency_keys (
    account_id        nvarchar(32) NOT NULL,
    idempotency_key   nvarchar(255) NOT NULL,
    request_hash      nvarchar(64) NOT NULL,
    created_at        datetimeoffset(7) NOT NULL,
    response_status   int NULL,
    response_type     nvarchar(200) NULL,
    response_location nvarchar(2000) NULL,
    response_body     varbinary(max) NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (account_id, idempotency_key)
);
GO
CREATE INDEX ix_idempotency_keys_account_created ON idempotency_keys (account_id, created_at);
