-- Issue 20: rules that travelled as C# SQL fragments are views, so that each statement that reads one is whole
-- (see sqlite/0020).

-- What holds a contract: a proposed cancellation or an open dispute. hold: 'cancellation' or 'dispute'.
CREATE VIEW contract_holds AS
SELECT x.contract_id, N'cancellation' AS hold FROM cancellations x WHERE x.status = N'proposed'
UNION ALL
SELECT d.contract_id, N'dispute' AS hold FROM disputes d WHERE d.status = N'open';
GO

-- A payout batch with its totals. Returned transfers stay counted, since the file and the bank's record include them.
CREATE VIEW payout_batch_details AS
SELECT b.id, b.cutoff, b.transfer_on, b.status, b.created_at, b.paid_on,
       (SELECT COUNT_BIG(*) FROM payouts p WHERE p.batch_id = b.id) AS count,
       (SELECT COALESCE(SUM(p.net), 0) FROM payouts p WHERE p.batch_id = b.id) AS total_net,
       (SELECT COALESCE(SUM(p.transfer_fee), 0) FROM payouts p WHERE p.batch_id = b.id) AS total_fees
FROM payout_batches b;
