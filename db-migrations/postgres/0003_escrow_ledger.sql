-- Escrow and payouts as a double-entry ledger in whole yen.
-- Accounts are named, e.g. 'business:<id>', 'escrow:<contractId>', 'worker:<id>', 'producer:<id>',
-- 'platform', 'withholding:<businessId>'. An account's balance is the sum of its entries.

-- Who withholds tax: a business says whether it is a withholding agent (源泉徴収義務者);
-- a worker says whether it works as an individual (withholding applies only to individuals).
ALTER TABLE users ADD COLUMN is_withholding_agent boolean NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN is_individual boolean NOT NULL DEFAULT TRUE;

-- The split is fixed when the contract is made, so later changes of settings never change agreed money.
ALTER TABLE contracts ADD COLUMN producer_id text NULL REFERENCES users (id);
ALTER TABLE contracts ADD COLUMN producer_fee bigint NOT NULL DEFAULT 0 CHECK (producer_fee >= 0);
ALTER TABLE contracts ADD COLUMN platform_fee bigint NOT NULL DEFAULT 0 CHECK (platform_fee >= 0);
ALTER TABLE contracts ADD COLUMN withholding_tax bigint NOT NULL DEFAULT 0 CHECK (withholding_tax >= 0);
ALTER TABLE contracts ADD COLUMN funded_at timestamptz NULL;
ALTER TABLE contracts ADD COLUMN released_at timestamptz NULL;

-- The payment that funds a contract's escrow, through the payment-provider seam.
CREATE TABLE payments (
    id           text NOT NULL PRIMARY KEY,
    contract_id  text NOT NULL REFERENCES contracts (id),
    amount       bigint NOT NULL CHECK (amount >= 1),
    provider     text NOT NULL,
    status       text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    created_at   timestamptz NOT NULL,
    confirmed_at timestamptz NULL,
    confirmed_by text NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_payments_contract ON payments (contract_id);

CREATE TABLE ledger_transactions (
    id          text NOT NULL PRIMARY KEY,
    -- The business event that caused the posting ('fund:<contract>', 'release:<contract>'…): a retry posts nothing twice.
    event_key   text NOT NULL,
    contract_id text NULL REFERENCES contracts (id),
    description text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_transactions_event ON ledger_transactions (event_key);

CREATE TABLE ledger_entries (
    id             text NOT NULL PRIMARY KEY,
    transaction_id text NOT NULL REFERENCES ledger_transactions (id),
    account        text NOT NULL,
    amount         bigint NOT NULL CHECK (amount <> 0),
    created_at     timestamptz NOT NULL
);
CREATE INDEX ix_ledger_entries_account ON ledger_entries (account, created_at);
CREATE INDEX ix_ledger_entries_transaction ON ledger_entries (transaction_id);

-- Entries and transactions are never changed or removed: a mistake is corrected by a reversing transaction.
-- One trigger function serves every append-only table (the audit trail, contract terms and documents use it too);
-- its first argument is the message. TRUNCATE skips row triggers, so a statement trigger refuses it as well.
-- The triggers are ordinary ones: the test suite empties tables between tests under session_replication_role = replica,
-- which skips them (a trigger set to ENABLE ALWAYS would refuse that too).
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER tr_ledger_entries_no_update BEFORE UPDATE ON ledger_entries
FOR EACH ROW EXECUTE FUNCTION refuse_change('ledger entries are append-only');
CREATE TRIGGER tr_ledger_entries_no_delete BEFORE DELETE ON ledger_entries
FOR EACH ROW EXECUTE FUNCTION refuse_change('ledger entries are append-only');
CREATE TRIGGER tr_ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('ledger entries are append-only');
CREATE TRIGGER tr_ledger_transactions_no_update BEFORE UPDATE ON ledger_transactions
FOR EACH ROW EXECUTE FUNCTION refuse_change('ledger transactions are append-only');
CREATE TRIGGER tr_ledger_transactions_no_delete BEFORE DELETE ON ledger_transactions
FOR EACH ROW EXECUTE FUNCTION refuse_change('ledger transactions are append-only');
CREATE TRIGGER tr_ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('ledger transactions are append-only');
