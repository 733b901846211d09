-- Escrow and payouts as a double-entry ledger in whole yen.
-- Accounts are named, e.g. 'business:<id>', 'escrow:<contractId>', 'worker:<id>', 'producer:<id>',
-- 'platform', 'withholding:<businessId>'. An account's balance is the sum of its entries.

-- Who withholds tax: a business says whether it is a withholding agent (源泉徴収義務者);
-- a worker says whether it works as an individual (withholding applies only to individuals).
ALTER TABLE users ADD COLUMN is_withholding_agent INTEGER NOT NULL DEFAULT 0 CHECK (is_withholding_agent IN (0, 1));
ALTER TABLE users ADD COLUMN is_individual INTEGER NOT NULL DEFAULT 1 CHECK (is_individual IN (0, 1));

-- The split is fixed when the contract is made, so later changes of settings never change agreed money.
ALTER TABLE contracts ADD COLUMN producer_id TEXT NULL REFERENCES users (id);
ALTER TABLE contracts ADD COLUMN producer_fee INTEGER NOT NULL DEFAULT 0 CHECK (producer_fee >= 0);
ALTER TABLE contracts ADD COLUMN platform_fee INTEGER NOT NULL DEFAULT 0 CHECK (platform_fee >= 0);
ALTER TABLE contracts ADD COLUMN withholding_tax INTEGER NOT NULL DEFAULT 0 CHECK (withholding_tax >= 0);
ALTER TABLE contracts ADD COLUMN funded_at TEXT NULL;
ALTER TABLE contracts ADD COLUMN released_at TEXT NULL;

-- The payment that funds a contract's escrow, through the payment-provider seam.
CREATE TABLE payments (
    id           TEXT NOT NULL PRIMARY KEY,
    contract_id  TEXT NOT NULL REFERENCES contracts (id),
    amount       INTEGER NOT NULL CHECK (amount >= 1),
    provider     TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    created_at   TEXT NOT NULL,
    confirmed_at TEXT NULL,
    confirmed_by TEXT NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_payments_contract ON payments (contract_id);

CREATE TABLE ledger_transactions (
    id          TEXT NOT NULL PRIMARY KEY,
    -- The business event that caused the posting ('fund:<contract>', 'release:<contract>'…): a retry posts nothing twice.
    event_key   TEXT NOT NULL,
    contract_id TEXT NULL REFERENCES contracts (id),
    description TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_transactions_event ON ledger_transactions (event_key);

CREATE TABLE ledger_entries (
    id             TEXT NOT NULL PRIMARY KEY,
    transaction_id TEXT NOT NULL REFERENCES ledger_transactions (id),
    account        TEXT NOT NULL,
    amount         INTEGER NOT NULL CHECK (amount <> 0),
    created_at     TEXT NOT NULL
);
CREATE INDEX ix_ledger_entries_account ON ledger_entries (account, created_at);
CREATE INDEX ix_ledger_entries_transaction ON ledger_entries (transaction_id);

-- Entries and transactions are never changed or removed: a mistake is corrected by a reversing transaction.
CREATE TRIGGER tr_ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER tr_ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER tr_ledger_transactions_no_update BEFORE UPDATE ON ledger_transactions
BEGIN SELECT RAISE(ABORT, 'ledger transactions are append-only'); END;
CREATE TRIGGER tr_ledger_transactions_no_delete BEFORE DELETE ON ledger_transactions
BEGIN SELECT RAISE(ABORT, 'ledger transactions are append-only'); END;
