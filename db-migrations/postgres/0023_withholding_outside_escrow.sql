-- Issue 27 "Money that adds up": a withholding business pays into escrow only what the platform pays out (the worker's
-- net and the fees) and remits the withheld income tax to the tax office itself (see sqlite/0023, docs/money.md).

-- Contracts awarded before this step keep the escrow basis they were asked for (the tax in it); their release gives it back.
ALTER TABLE contracts ADD COLUMN withholding_in_escrow boolean NOT NULL DEFAULT FALSE;
UPDATE contracts SET withholding_in_escrow = TRUE WHERE withholding_tax > 0;

-- A new kind of ledger transaction: withholdingReturned.
ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_kind_check;
ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_kind_check CHECK (kind IN (
    'escrowFunded', 'escrowReleased', 'escrowSettled', 'escrowRefunded', 'escrowPartlyRefunded', 'withholdingReturned',
    'payoutGathered', 'payoutPaid', 'payoutReturned'));

-- Tax that earlier releases credited to a business's withholding account goes back to the business, which remits it
-- itself: one transaction per business, ids random 32 hex digits.
INSERT INTO ledger_transactions (id, event_key, kind, contract_id, description, created_at)
SELECT replace(gen_random_uuid()::text, '-', ''), 'withholding-return:' || substr(e.account, 13), 'withholdingReturned', NULL,
       'Withheld tax held by the platform returned: the business remits it itself', now()
FROM ledger_entries e WHERE e.account LIKE 'withholding:%' GROUP BY e.account HAVING SUM(e.amount) <> 0;
INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at)
SELECT replace(gen_random_uuid()::text, '-', ''), t.id, x.prefix || substr(t.event_key, 20),
       x.sign * (SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'withholding:' || substr(t.event_key, 20)),
       t.created_at
FROM ledger_transactions t CROSS JOIN (VALUES ('withholding:', -1), ('business:', 1)) AS x (prefix, sign)
WHERE t.event_key LIKE 'withholding-return:%';
