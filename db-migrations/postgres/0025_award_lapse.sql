-- Issue 27 "Paying into escrow": an award unpaid by its lapse day lapses (award_lapsed_at) and its job opens again, so
-- that a job and a bid may each have lapsed contracts beside their one live one (see sqlite/0025).
ALTER TABLE contracts ADD COLUMN award_lapsed_at timestamptz NULL;
DROP INDEX ux_contracts_job;
DROP INDEX ux_contracts_bid;
CREATE UNIQUE INDEX ux_contracts_job ON contracts (job_id) WHERE award_lapsed_at IS NULL;
CREATE UNIQUE INDEX ux_contracts_bid ON contracts (bid_id) WHERE award_lapsed_at IS NULL;
-- The rule above is for the live contract; reads that look at every contract of a job or a bid (a job's cancellation,
-- a file's audience) and a job's live contract on the producer's desk use these, which cover lapsed ones too.
CREATE INDEX ix_contracts_job ON contracts (job_id);
CREATE INDEX ix_contracts_bid ON contracts (bid_id);

-- A lapsed award reads as closed by 'awardLapsed'; the pending payment's due day shows as funding_due_on.
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
