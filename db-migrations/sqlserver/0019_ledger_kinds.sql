-- Issue 20 "The ledger is a ledger": a ledger transaction states what it was in its own column, instead of its readers
-- parsing the prefix of its event key ('release:…', 'payout-paid:…'). The words are the API's (Money/LedgerEntryKind.cs).
ALTER TABLE ledger_transactions ADD kind nvarchar(30) NULL CONSTRAINT ck_ledger_transactions_kind CHECK (kind IN (
    N'escrowFunded', N'escrowReleased', N'escrowSettled', N'escrowRefunded', N'escrowPartlyRefunded',
    N'payoutGathered', N'payoutPaid', N'payoutReturned'));
GO

-- The transactions written before this step take their kind from their event key (see sqlite/0019). The ledger is
-- append-only: its INSTEAD OF UPDATE trigger is disabled for this one fill, inside the script's transaction (the
-- ALTER holds the table's schema lock until the commit), and enabled again.
DISABLE TRIGGER tr_ledger_transactions_no_update ON ledger_transactions;
GO
UPDATE ledger_transactions SET kind = CASE
    WHEN event_key LIKE N'fund:%' THEN N'escrowFunded'
    WHEN event_key LIKE N'release:%' THEN
        CASE WHEN EXISTS (SELECT 1 FROM contracts c
                          WHERE c.id = ledger_transactions.contract_id AND c.closed_by IN (N'cancellation', N'decision'))
             THEN N'escrowSettled' ELSE N'escrowReleased' END
    WHEN event_key LIKE N'refund:%' THEN N'escrowRefunded'
    WHEN event_key LIKE N'adjust:%' THEN N'escrowPartlyRefunded'
    WHEN event_key LIKE N'payout:%' THEN N'payoutGathered'
    WHEN event_key LIKE N'payout-paid:%' THEN N'payoutPaid'
    WHEN event_key LIKE N'payout-return:%' THEN N'payoutReturned'
END;
GO
ENABLE TRIGGER tr_ledger_transactions_no_update ON ledger_transactions;
GO

-- Every transaction from now on states its kind: the column is NOT NULL after the fill (SQLite needs a trigger).
ALTER TABLE ledger_transactions ALTER COLUMN kind nvarchar(30) NOT NULL;
GO

-- A contract's release by its contract and kind: the payouts due read what it credited the worker.
CREATE INDEX ix_ledger_transactions_contract ON ledger_transactions (contract_id, kind);
