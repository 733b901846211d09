-- Producers broker deals for client businesses: links with permissions and a fee, invitations to bid,
-- and a quality gate where the producer checks a submission before the client sees it.

CREATE TABLE producer_links (
    id            TEXT NOT NULL PRIMARY KEY,
    business_id   TEXT NOT NULL REFERENCES users (id),
    producer_id   TEXT NOT NULL REFERENCES users (id),
    can_post_jobs INTEGER NOT NULL CHECK (can_post_jobs IN (0, 1)),
    can_award     INTEGER NOT NULL CHECK (can_award IN (0, 1)),
    -- The brokerage fee in basis points (0.1 = 1000): integers keep yen arithmetic exact.
    fee_rate_bps  INTEGER NOT NULL CHECK (fee_rate_bps BETWEEN 0 AND 3000),
    status        TEXT NOT NULL CHECK (status IN ('pending', 'active', 'declined', 'ended')),
    created_at    TEXT NOT NULL,
    changed_at    TEXT NULL
);
-- At most one live link between a business and a producer.
CREATE UNIQUE INDEX ux_producer_links_live ON producer_links (business_id, producer_id) WHERE status IN ('pending', 'active');
CREATE INDEX ix_producer_links_producer ON producer_links (producer_id, status);

ALTER TABLE jobs ADD COLUMN producer_review INTEGER NOT NULL DEFAULT 0 CHECK (producer_review IN (0, 1));

CREATE TABLE invitations (
    id         TEXT NOT NULL PRIMARY KEY,
    job_id     TEXT NOT NULL REFERENCES jobs (id),
    worker_id  TEXT NOT NULL REFERENCES users (id),
    invited_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_invitations_once ON invitations (job_id, worker_id);
CREATE INDEX ix_invitations_worker ON invitations (worker_id, id);

-- Contracts gain the 'inReview' status. SQLite cannot alter a CHECK constraint, so the table is rebuilt
-- (the documented 12-step procedure; the migration connection runs with foreign keys off).
CREATE TABLE contracts_new (
    id           TEXT NOT NULL PRIMARY KEY,
    job_id       TEXT NOT NULL REFERENCES jobs (id),
    bid_id       TEXT NOT NULL REFERENCES bids (id),
    business_id  TEXT NOT NULL REFERENCES users (id),
    worker_id    TEXT NOT NULL REFERENCES users (id),
    amount       INTEGER NOT NULL CHECK (amount >= 1),
    status       TEXT NOT NULL CHECK (status IN ('active', 'inReview', 'submitted', 'revisionRequested', 'completed', 'cancelled')),
    deadline     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    completed_at TEXT NULL
);
INSERT INTO contracts_new (id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at, completed_at)
SELECT id, job_id, bid_id, business_id, worker_id, amount, status, deadline, created_at, completed_at FROM contracts;
DROP TABLE contracts;
ALTER TABLE contracts_new RENAME TO contracts;
CREATE UNIQUE INDEX ux_contracts_job ON contracts (job_id);
CREATE UNIQUE INDEX ux_contracts_bid ON contracts (bid_id);
CREATE INDEX ix_contracts_business ON contracts (business_id, id);
CREATE INDEX ix_contracts_worker ON contracts (worker_id, id);
