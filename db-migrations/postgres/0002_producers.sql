-- Producers broker deals for client businesses: links with permissions and a fee, invitations to bid,
-- and a quality gate where the producer checks a submission before the client sees it.

CREATE TABLE producer_links (
    id            text NOT NULL PRIMARY KEY,
    business_id   text NOT NULL REFERENCES users (id),
    producer_id   text NOT NULL REFERENCES users (id),
    can_post_jobs boolean NOT NULL,
    can_award     boolean NOT NULL,
    -- The brokerage fee in basis points (0.1 = 1000): integers keep yen arithmetic exact.
    fee_rate_bps  bigint NOT NULL CHECK (fee_rate_bps BETWEEN 0 AND 3000),
    status        text NOT NULL CHECK (status IN ('pending', 'active', 'declined', 'ended')),
    created_at    timestamptz NOT NULL,
    changed_at    timestamptz NULL
);
-- At most one live link between a business and a producer.
CREATE UNIQUE INDEX ux_producer_links_live ON producer_links (business_id, producer_id) WHERE status IN ('pending', 'active');
CREATE INDEX ix_producer_links_producer ON producer_links (producer_id, status);

ALTER TABLE jobs ADD COLUMN producer_review boolean NOT NULL DEFAULT FALSE;

CREATE TABLE invitations (
    id         text NOT NULL PRIMARY KEY,
    job_id     text NOT NULL REFERENCES jobs (id),
    worker_id  text NOT NULL REFERENCES users (id),
    invited_by text NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_invitations_once ON invitations (job_id, worker_id);
CREATE INDEX ix_invitations_worker ON invitations (worker_id, id);

-- Contracts gain the 'inReview' status. SQLite rebuilds the table for this; PostgreSQL replaces the named constraint.
ALTER TABLE contracts DROP CONSTRAINT ck_contracts_status;
ALTER TABLE contracts ADD CONSTRAINT ck_contracts_status
    CHECK (status IN ('active', 'inReview', 'submitted', 'revisionRequested', 'completed', 'cancelled'));
