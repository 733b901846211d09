-- Issue 27 "Money that adds up": a withholding business pays into escrow only what the platform pays out (the worker's
-- net and the fees) and remits the withheld income tax to the tax office itself (see sqlite/0023, docs/money.md).

-- Contracts awarded before this step keep the escrow basis they were asked for (the tax in it); their release gives it back.
ALTER TABLE contracts ADD withholding_in_escrow bit NOT NULL CONSTRAINT df_contracts_withholding_in_escrow DEFAULT 0;
GO
UPDATE contracts SET withholding_in_escrow = 1 WHERE withholding_tax > 0;
GO

-- A new kind of ledger transaction: withholdingReturned.
ALTER TABLE ledger_transactions DROP CONSTRAINT ck_ledger_transactions_kind;
ALTER TABLE ledger_transactions ADD CONSTRAINT ck_ledger_transactions_kind CHECK (kind IN (
    N'escrowFunded', N'escrowReleased', N'escrowSettled', N'escrowRefunded', N'escrowPartlyRefunded', N'withholdingReturned',
    N'payoutGathered', N'payoutPaid', N'payoutReturned'));
GO

-- Tax that earlier releases credited to a business's withholding account goes back to the business, which remits it
-- itself: one transaction per business, ids random 32 hex digits.
INSERT INTO ledger_transactions (id, event_key, kind, contract_id, description, created_at)
SELECT LOWER(REPLACE(CONVERT(nvarchar(36), NEWID()), N'-', N'')), N'withholding-return:' + SUBSTRING(e.account, 13, 100),
       N'withholdingReturned', NULL, N'Withheld tax held by the platform returned: the business remits it itself', SYSDATETIMEOFFSET()
FROM ledger_entries e WHERE e.account LIKE N'withholding:%' GROUP BY e.account HAVING SUM(e.amount) <> 0;
INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at)
SELECT LOWER(REPLACE(CONVERT(nvarchar(36), NEWID()), N'-', N'')), t.id, x.prefix + SUBSTRING(t.event_key, 20, 100),
       x.sign * (SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = N'withholding:' + SUBSTRING(t.event_key, 20, 100)),
       t.created_at
FROM ledger_transactions t CROSS JOIN (VALUES (N'withholding:', -1), (N'business:', 1)) AS x (prefix, sign)
WHERE t.event_key LIKE N'withholding-return:%';
