-- g2 (issue 24's gaps). A milestone delivered on a job with a producer's review goes to the producer first, as a
-- contract's delivery does (contract_gates): the milestone's status gains inReview, between its delivery and the
-- producer's forward to the business. SQLite cannot change a column's CHECK, so the status column is made again with the
-- longer list, as 0023 did for ledger_transactions.kind: its values kept aside, the column dropped (with the index that
-- names it) and added back (NOT NULL needs a default there; every INSERT names the status), the values filled in.
CREATE TEMPORARY TABLE kept_milestone_statuses AS SELECT id, status FROM milestones;
DROP INDEX ix_milestones_inspection;
ALTER TABLE milestones DROP COLUMN status;
ALTER TABLE milestones ADD COLUMN status TEXT NOT NULL DEFAULT 'unfunded'
    CHECK (status IN ('unfunded', 'funded', 'inReview', 'submitted', 'revisionRequested', 'accepted', 'cancelled'));
UPDATE milestones SET status = (SELECT k.status FROM kept_milestone_statuses k WHERE k.id = milestones.id);
DROP TABLE kept_milestone_statuses;
CREATE INDEX ix_milestones_inspection ON milestones (status, inspection_ends_at);
