-- Issue 27 "Paying into escrow": an award whose first payment is not confirmed by its lapse day lapses. The contract is
-- cancelled (award_lapsed_at) and the job opens again with its bids, so that the business may award again, the same bid
-- or another: a job and a bid may now each have lapsed contracts beside their one live one.
ALTER TABLE contracts ADD COLUMN award_lapsed_at TEXT NULL;
DROP INDEX ux_contracts_job;
DROP INDEX ux_contracts_bid;
CREATE UNIQUE INDEX ux_contracts_job ON contracts (job_id) WHERE award_lapsed_at IS NULL;
CREATE UNIQUE INDEX ux_contracts_bid ON contracts (bid_id) WHERE award_lapsed_at IS NULL;
-- The rule above is for the live contract; reads that look at every contract of a job or a bid (a job's cancellation,
-- a file's audience) and a job's live contract on the producer's desk use these, which cover lapsed ones too.
CREATE INDEX ix_contracts_job ON contracts (job_id);
CREATE INDEX ix_contracts_bid ON contracts (bid_id);

-- The contract page reads how a contract closed from closed_by; a lapsed award is known by award_lapsed_at and reads as
-- 'awardLapsed' (the column's CHECK stays as 0010 made it on every engine). contract_details also shows the pending
-- payment's due day (funding_due_on): the contract page shows 入金待ち with it until the money is confirmed.
DROP VIEW contract_details;
CREATE VIEW contract_details AS
SELECT c.id, c.job_id, j.title AS job_title, c.bid_id, c.worker_id, w.display_name AS worker_name,
       c.business_id, b.display_name AS business_name, j.producer_id, j.producer_review, c.amount, c.status,
       c.deadline, c.created_at, c.completed_at, c.funded_at, c.released_at,
       c.delivered_at, c.inspection_ends_at, c.latest_payment_on, c.payment_due_on,
       CASE WHEN c.award_lapsed_at IS NOT NULL THEN 'awardLapsed' ELSE c.closed_by END AS closed_by, c.worker_share,
       (SELECT MAX(t.version) FROM contract_terms t WHERE t.contract_id = c.id) AS terms_version,
       (SELECT COUNT(*) FROM revision_requests r WHERE r.contract_id = c.id) AS revision_count,
       (SELECT p.due_on FROM payments p WHERE p.contract_id = c.id AND p.status = 'pending') AS funding_due_on
FROM contracts c
JOIN jobs j ON j.id = c.job_id
JOIN users w ON w.id = c.worker_id
JOIN users b ON b.id = c.business_id;
