-- Issue 20 "The ledger is a ledger": a ledger transaction states what it was in its own column, instead of its readers
-- parsing the prefix of its event key ('release:…', 'payout-paid:…'). The statement words each entry from it and the
-- payouts due find a contract's release by it. The words are the API's (Money/LedgerEntryKind.cs, camelCase).
ALTER TABLE ledger_transactions ADD COLUMN kind TEXT NULL CHECK (kind IN (
    'escrowFunded', 'escrowReleased', 'escrowSettled', 'escrowRefunded', 'escrowPartlyRefunded',
    'payoutGathered', 'payoutPaid', 'payoutReturned'));

-- The transactions written before this step take their kind from their event key, as the statement read it until now:
-- a release whose contract closed by an agreed cancellation or a decision paid the worker a share, a settlement. The
-- ledger is append-only and tr_ledger_transactions_no_update refuses every UPDATE, so it is dropped for this one fill
-- and made again as 0003 made it, inside this script's transaction: nothing else can write in between.
DROP TRIGGER tr_ledger_transactions_no_update;
UPDATE ledger_transactions SET kind = CASE
    WHEN event_key LIKE 'fund:%' THEN 'escrowFunded'
    WHEN event_key LIKE 'release:%' THEN
        CASE WHEN EXISTS (SELECT 1 FROM contracts c
                          WHERE c.id = ledger_transactions.contract_id AND c.closed_by IN ('cancellation', 'decision'))
             THEN 'escrowSettled' ELSE 'escrowReleased' END
    WHEN event_key LIKE 'refund:%' THEN 'escrowRefunded'
    WHEN event_key LIKE 'adjust:%' THEN 'escrowPartlyRefunded'
    WHEN event_key LIKE 'payout:%' THEN 'payoutGathered'
    WHEN event_key LIKE 'payout-paid:%' THEN 'payoutPaid'
    WHEN event_key LIKE 'payout-return:%' THEN 'payoutReturned'
END;
CREATE TRIGGER tr_ledger_transactions_no_update BEFORE UPDATE ON ledger_transactions
BEGIN SELECT RAISE(ABORT, 'ledger transactions are append-only'); END;

-- Every transaction from now on states its kind. SQLite cannot add a NOT NULL column without a default to a table that
-- has rows, so a trigger holds the rule here; PostgreSQL and SQL Server make the column NOT NULL after the fill.
CREATE TRIGGER tr_ledger_transactions_kind_required BEFORE INSERT ON ledger_transactions WHEN NEW.kind IS NULL
BEGIN SELECT RAISE(ABORT, 'a ledger transaction states its kind'); END;

-- A contract's release by its contract and kind: the payouts due read what it credited the worker.
CREATE INDEX ix_ledger_transactions_contract ON ledger_transactions (contract_id, kind);
