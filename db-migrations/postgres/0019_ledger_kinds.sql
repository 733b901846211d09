-- Issue 20 "The ledger is a ledger": a ledger transaction states what it was in its own column, instead of its readers
-- parsing the prefix of its event key ('release:…', 'payout-paid:…'). The words are the API's (Money/LedgerEntryKind.cs).
ALTER TABLE ledger_transactions ADD COLUMN kind text NULL CHECK (kind IN (
    'escrowFunded', 'escrowReleased', 'escrowSettled', 'escrowRefunded', 'escrowPartlyRefunded',
    'payoutGathered', 'payoutPaid', 'payoutReturned'));

-- The transactions written before this step take their kind from their event key (see sqlite/0019). The ledger is
-- append-only: its UPDATE trigger is switched off for this one fill, inside this script's transaction (ALTER TABLE
-- holds the table's lock until the commit, so nothing else writes in between), and on again.
ALTER TABLE ledger_transactions DISABLE TRIGGER tr_ledger_transactions_no_update;
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
ALTER TABLE ledger_transactions ENABLE TRIGGER tr_ledger_transactions_no_update;

-- Every transaction from now on states its kind: PostgreSQL makes the column NOT NULL after the fill (SQLite needs a
-- trigger for the same rule).
ALTER TABLE ledger_transactions ALTER COLUMN kind SET NOT NULL;

-- A contract's release by its contract and kind: the payouts due read what it credited the worker.
CREATE INDEX ix_ledger_transactions_contract ON ledger_transactions (contract_id, kind);
