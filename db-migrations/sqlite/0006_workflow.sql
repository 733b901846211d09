-- Nothing stuck, nothing lost: who runs a contract's quality gate, decided in one place.

-- A contract's quality gate: on a producer-review job, the job's producer checks each submission before the business
-- sees it, but only while that producer still acts for the business (an active link). A contract with no row here has
-- no gate: its work goes to the business, so no money waits in escrow on a producer who has gone.
CREATE VIEW contract_gates AS
SELECT c.id AS contract_id, j.producer_id
FROM contracts c
JOIN jobs j ON j.id = c.job_id
JOIN producer_clients pc ON pc.business_id = c.business_id AND pc.producer_id = j.producer_id
WHERE j.producer_review = 1;

-- Contracts already stranded in review by a link that ended before this script go to their business now, as ending a
-- link does from here on (Producers/ChangeProducerLink.cs).
UPDATE contracts SET status = 'submitted'
WHERE status = 'inReview' AND NOT EXISTS (SELECT 1 FROM contract_gates g WHERE g.contract_id = contracts.id);
