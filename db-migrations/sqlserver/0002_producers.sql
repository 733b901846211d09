-- Producers broker deals for client businesses: links with permissions and a fee, invitations to bid,
-- and a quality gate where the producer checks a submission before the client sees it.

CREATE TABLE producer_links (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    business_id   nvarchar(32) NOT NULL REFERENCES users (id),
    producer_id   nvarchar(32) NOT NULL REFERENCES users (id),
    can_post_jobs bit NOT NULL,
    can_award     bit NOT NULL,
    -- The brokerage fee in basis points (0.1 = 1000): integers keep yen arithmetic exact.
    fee_rate_bps  bigint NOT NULL CHECK (fee_rate_bps BETWEEN 0 AND 3000),
    status        nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'active', N'declined', N'ended')),
    created_at    datetimeoffset(7) NOT NULL,
    changed_at    datetimeoffset(7) NULL
);
-- At most one live link between a business and a producer.
CREATE UNIQUE INDEX ux_producer_links_live ON producer_links (business_id, producer_id) WHERE status IN (N'pending', N'active');
CREATE INDEX ix_producer_links_producer ON producer_links (producer_id, status);

ALTER TABLE jobs ADD producer_review bit NOT NULL DEFAULT 0;

CREATE TABLE invitations (
    id         nvarchar(32) NOT NULL PRIMARY KEY,
    job_id     nvarchar(32) NOT NULL REFERENCES jobs (id),
    worker_id  nvarchar(32) NOT NULL REFERENCES users (id),
    invited_by nvarchar(32) NOT NULL REFERENCES users (id),
    created_at datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_invitations_once ON invitations (job_id, worker_id);
CREATE INDEX ix_invitations_worker ON invitations (worker_id, id);

-- Contracts gain the 'inReview' status. SQLite rebuilds the table for this; SQL Server replaces the named constraint.
ALTER TABLE contracts DROP CONSTRAINT ck_contracts_status;
ALTER TABLE contracts ADD CONSTRAINT ck_contracts_status
    CHECK (status IN (N'active', N'inReview', N'submitted', N'revisionRequested', N'completed', N'cancelled'));
