-- Issue 20: rules that travelled as C# SQL fragments are views, so that each statement that reads one is whole.

-- What holds a contract. While a cancellation is proposed or a dispute is open nothing else moves the contract: each
-- UPDATE that moves one (a submission, a revision request, a forward, an acceptance, its lapse, an agreed change) reads
-- this view in its own WHERE, so that a proposal committed a moment earlier stops a racing move. hold: 'cancellation'
-- or 'dispute'.
CREATE VIEW contract_holds AS
SELECT x.contract_id, 'cancellation' AS hold FROM cancellations x WHERE x.status = 'proposed'
UNION ALL
SELECT d.contract_id, 'dispute' AS hold FROM disputes d WHERE d.status = 'open';

-- A payout batch with its totals, as the list of batches and one batch show it. Returned transfers stay counted, since
-- the file and the bank's record include them.
CREATE VIEW payout_batch_details AS
SELECT b.id, b.cutoff, b.transfer_on, b.status, b.created_at, b.paid_on,
       (SELECT COUNT(*) FROM payouts p WHERE p.batch_id = b.id) AS count,
       (SELECT COALESCE(SUM(p.net), 0) FROM payouts p WHERE p.batch_id = b.id) AS total_net,
       (SELECT COALESCE(SUM(p.transfer_fee), 0) FROM payouts p WHERE p.batch_id = b.id) AS total_fees
FROM payout_batches b;
