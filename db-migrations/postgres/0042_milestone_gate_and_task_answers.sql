-- g2 (issue 24's gaps). A milestone delivered on a job with a producer's review goes to the producer first, as a
-- contract's delivery does (contract_gates): the milestone's status gains inReview (the CHECK PostgreSQL named from
-- 0038's column constraint), between its delivery and the producer's forward to the business.
ALTER TABLE milestones DROP CONSTRAINT milestones_status_check;
ALTER TABLE milestones ADD CONSTRAINT milestones_status_check
    CHECK (status IN ('unfunded', 'funded', 'inReview', 'submitted', 'revisionRequested', 'accepted', 'cancelled'));
