-- Issue 27 "Money that adds up": a withholding business pays into escrow only what the platform pays out (the worker's
-- net and the fees) and remits the withheld income tax to the tax office itself (docs/money.md, "Withholding").

-- Contracts awarded before this step asked for the whole amount with the withholding in it: their escrow keeps that
-- basis until it closes, and the escrowed withholding then goes back to the business (kind withholdingReturned).
ALTER TABLE contracts ADD COLUMN withholding_in_escrow INTEGER NOT NULL DEFAULT 0 CHECK (withholding_in_escrow IN (0, 1));
UPDATE contracts SET withholding_in_escrow = 1 WHERE withholding_tax > 0;

-- A new kind of ledger transaction, withholdingReturned. SQLite cannot change a column's CHECK, so the kind column is
-- made again with the longer list: its values are kept aside, the column dropped (with the index and the trigger that
-- name it) and added back, and the values filled in. The ledger is append-only; its no-update trigger is dropped for
-- this fill and made again as 0003 made it, inside this script's transaction.
CREATE TEMPORARY TABLE kept_kinds AS SELECT id, kind FROM ledger_transactions;
DROP INDEX ix_ledger_transactions_contract;
DROP TRIGGER tr_ledger_transactions_kind_required;
DROP TRIGGER tr_ledger_transactions_no_update;
ALTER TABLE ledger_transactions DROP COLUMN kind;
ALTER TABLE ledger_transactions ADD COLUMN kind TEXT NULL CHECK (kind IN (
    'escrowFunded', 'escrowReleased', 'escrowSettled', 'escrowRefunded', 'escrowPartlyRefunded', 'withholdingReturned',
    'payoutGathered', 'payoutPaid', 'payoutReturned'));
UPDATE ledger_transactions SET kind = (SELECT k.kind FROM kept_kinds k WHERE k.id = ledger_transactions.id);
DROP TABLE kept_kinds;

-- Tax withheld from releases before this step was credited to the business's withholding account and never moved on,
-- while the business was told to remit it itself: it goes back to the business, one transaction per business (ids are
-- random 32 hex digits, the width of the time-ordered ones the app writes).
INSERT INTO ledger_transactions (id, event_key, kind, contract_id, description, created_at)
SELECT lower(hex(randomblob(16))), 'withholding-return:' || substr(e.account, 13), 'withholdingReturned', NULL,
       'Withheld tax held by the platform returned: the business remits it itself',
       strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now')
FROM ledger_entries e WHERE e.account LIKE 'withholding:%' GROUP BY e.account HAVING SUM(e.amount) <> 0;
INSERT INTO ledger_entries (id, transaction_id, account, amount, created_at)
SELECT lower(hex(randomblob(16))), t.id, x.prefix || substr(t.event_key, 20),
       x.sign * (SELECT SUM(e.amount) FROM ledger_entries e WHERE e.account = 'withholding:' || substr(t.event_key, 20)),
       t.created_at
FROM ledger_transactions t CROSS JOIN (SELECT 'withholding:' AS prefix, -1 AS sign UNION ALL SELECT 'business:', 1) x
WHERE t.event_key LIKE 'withholding-return:%';

CREATE TRIGGER tr_ledger_transactions_no_update BEFORE UPDATE ON ledger_transactions
BEGIN SELECT RAISE(ABORT, 'ledger transactions are append-only'); END;
CREATE TRIGGER tr_ledger_transactions_kind_required BEFORE INSERT ON ledger_transactions WHEN NEW.kind IS NULL
BEGIN SELECT RAISE(ABORT, 'a ledger transaction states its kind'); END;
CREATE INDEX ix_ledger_transactions_contract ON ledger_transactions (contract_id, kind);
