-- Escrow and payouts as a double-entry ledger in whole yen.
-- Accounts are named, e.g. 'business:<id>', 'escrow:<contractId>', 'worker:<id>', 'producer:<id>',
-- 'platform', 'withholding:<businessId>'. An account's balance is the sum of its entries.

-- Who withholds tax: a business says whether it is a withholding agent (源泉徴収義務者);
-- a worker says whether it works as an individual (withholding applies only to individuals).
ALTER TABLE users ADD is_withholding_agent bit NOT NULL DEFAULT 0;
ALTER TABLE users ADD is_individual bit NOT NULL DEFAULT 1;

-- The split is fixed when the contract is made, so later changes of settings never change agreed money.
ALTER TABLE contracts ADD producer_id nvarchar(32) NULL REFERENCES users (id);
ALTER TABLE contracts ADD producer_fee bigint NOT NULL DEFAULT 0 CHECK (producer_fee >= 0);
ALTER TABLE contracts ADD platform_fee bigint NOT NULL DEFAULT 0 CHECK (platform_fee >= 0);
ALTER TABLE contracts ADD withholding_tax bigint NOT NULL DEFAULT 0 CHECK (withholding_tax >= 0);
ALTER TABLE contracts ADD funded_at datetimeoffset(7) NULL;
ALTER TABLE contracts ADD released_at datetimeoffset(7) NULL;

-- The payment that funds a contract's escrow, through the payment-provider seam.
CREATE TABLE payments (
    id           nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id  nvarchar(32) NOT NULL REFERENCES contracts (id),
    amount       bigint NOT NULL CHECK (amount >= 1),
    provider     nvarchar(max) NOT NULL,
    status       nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'confirmed', N'cancelled')),
    created_at   datetimeoffset(7) NOT NULL,
    confirmed_at datetimeoffset(7) NULL,
    confirmed_by nvarchar(32) NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX ux_payments_contract ON payments (contract_id);

CREATE TABLE ledger_transactions (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    -- The business event that caused the posting ('fund:<contract>', 'release:<contract>'…): a retry posts nothing twice.
    event_key   nvarchar(200) NOT NULL,
    contract_id nvarchar(32) NULL REFERENCES contracts (id),
    description nvarchar(max) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_transactions_event ON ledger_transactions (event_key);

CREATE TABLE ledger_entries (
    id             nvarchar(32) NOT NULL PRIMARY KEY,
    transaction_id nvarchar(32) NOT NULL REFERENCES ledger_transactions (id),
    account        nvarchar(100) NOT NULL,
    amount         bigint NOT NULL CHECK (amount <> 0),
    created_at     datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_ledger_entries_account ON ledger_entries (account, created_at);
CREATE INDEX ix_ledger_entries_transaction ON ledger_entries (transaction_id);
GO

-- Entries and transactions are never changed or removed: a mistake is corrected by a reversing transaction.
-- INSTEAD OF triggers refuse the statement before any row changes, as SQLite's BEFORE triggers do, and only when it
-- touches a row (SQLite's row triggers never fire for none). TRUNCATE fires no trigger on SQL Server: it needs ALTER on
-- the table, which the API's login is not granted, and ledger_transactions cannot be truncated while ledger_entries
-- refers to it. NOCOUNT keeps a trigger's own counts out of the caller's rows-affected.
CREATE TRIGGER tr_ledger_entries_no_update ON ledger_entries INSTEAD OF UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) THROW 51000, N'ledger entries are append-only', 1;
END;
GO
CREATE TRIGGER tr_ledger_entries_no_delete ON ledger_entries INSTEAD OF DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) THROW 51000, N'ledger entries are append-only', 1;
END;
GO
CREATE TRIGGER tr_ledger_transactions_no_update ON ledger_transactions INSTEAD OF UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) THROW 51000, N'ledger transactions are append-only', 1;
END;
GO
CREATE TRIGGER tr_ledger_transactions_no_delete ON ledger_transactions INSTEAD OF DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted) THROW 51000, N'ledger transactions are append-only', 1;
END;
