-- The marketplace core: accounts, API tokens, worker profiles, jobs, bids, contracts, submissions,
-- revision requests and reviews. Ids are opaque text (time-ordered UUIDv7, 32 hex digits).
-- Times are UTC ISO-8601 text with a fixed width, so they compare correctly as text.
-- Money is whole yen in INTEGER.

CREATE TABLE users (
    id            TEXT NOT NULL PRIMARY KEY,
    email         TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('business', 'worker', 'producer', 'administrator')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE api_tokens (
    id         TEXT NOT NULL PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL
);
CREATE UNIQUE INDEX ux_api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE worker_profiles (
    worker_id    TEXT NOT NULL PRIMARY KEY REFERENCES users (id),
    bio          TEXT NOT NULL,
    region       TEXT NOT NULL,
    weekly_hours INTEGER NOT NULL CHECK (weekly_hours BETWEEN 0 AND 80),
    availability TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX ix_worker_profiles_region ON worker_profiles (region);

CREATE TABLE worker_skills (
    worker_id TEXT NOT NULL REFERENCES users (id),
    skill     TEXT NOT NULL,
    PRIMARY KEY (worker_id, skill)
);
CREATE INDEX ix_worker_skills_skill ON worker_skills (skill, worker_id);

CREATE TABLE jobs (
    id          TEXT NOT NULL PRIMARY KEY,
    business_id TEXT NOT NULL REFERENCES users (id),
    producer_id TEXT NULL REFERENCES users (id),
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('design', 'translation', 'transcription', 'writing', 'dataEntry', 'other')),
    budget_min  INTEGER NOT NULL CHECK (budget_min >= 1),
    budget_max  INTEGER NOT NULL CHECK (budget_max <= 100000000),
    deadline    TEXT NOT NULL,
    region      TEXT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'awarded', 'completed', 'cancelled')),
    created_at  TEXT NOT NULL,
    CHECK (budget_min <= budget_max)
);
CREATE INDEX ix_jobs_status ON jobs (status, id);
CREATE INDEX ix_jobs_business ON jobs (business_id, id);

CREATE TABLE bids (
    id            TEXT NOT NULL PRIMARY KEY,
    job_id        TEXT NOT NULL REFERENCES jobs (id),
    worker_id     TEXT NOT NULL REFERENCES users (id),
    amount        INTEGER NOT NULL CHECK (amount >= 1),
    delivery_days INTEGER NOT NULL CHECK (delivery_days >= 1),
    message       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn')),
    created_at    TEXT NOT NULL
);
-- One live bid per worker per job: the database, not the handler, refuses the second.
CREATE UNIQUE INDEX ux_bids_live ON bids (job_id, worker_id) WHERE status = 'pending';
CREATE INDEX ix_bids_job ON bids (job_id, id);
CREATE INDEX ix_bids_worker ON bids (worker_id, id);

CREATE TABLE contracts (
    id           TEXT NOT NULL PRIMARY KEY,
    job_id       TEXT NOT NULL REFERENCES jobs (id),
    bid_id       TEXT NOT NULL REFERENCES bids (id),
    business_id  TEXT NOT NULL REFERENCES users (id),
    worker_id    TEXT NOT NULL REFERENCES users (id),
    amount       INTEGER NOT NULL CHECK (amount >= 1),
    status       TEXT NOT NULL CHECK (status IN ('active', 'submitted', 'revisionRequested', 'completed', 'cancelled')),
    deadline     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    completed_at TEXT NULL
);
-- A job has at most one contract: a second award that slipped past the job's status check still fails here.
CREATE UNIQUE INDEX ux_contracts_job ON contracts (job_id);
CREATE UNIQUE INDEX ux_contracts_bid ON contracts (bid_id);
CREATE INDEX ix_contracts_business ON contracts (business_id, id);
CREATE INDEX ix_contracts_worker ON contracts (worker_id, id);

CREATE TABLE submissions (
    id          TEXT NOT NULL PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES contracts (id),
    message     TEXT NOT NULL,
    links       TEXT NOT NULL, -- JSON array of URLs
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_submissions_contract ON submissions (contract_id, id);

CREATE TABLE revision_requests (
    id          TEXT NOT NULL PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES contracts (id),
    requested_by TEXT NOT NULL REFERENCES users (id),
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_revision_requests_contract ON revision_requests (contract_id, id);

CREATE TABLE reviews (
    id          TEXT NOT NULL PRIMARY KEY,
    contract_id TEXT NOT NULL REFERENCES contracts (id),
    reviewer_id TEXT NOT NULL REFERENCES users (id),
    reviewee_id TEXT NOT NULL REFERENCES users (id),
    rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
-- Each party reviews a contract once.
CREATE UNIQUE INDEX ux_reviews_once ON reviews (contract_id, reviewer_id);
CREATE INDEX ix_reviews_reviewee ON reviews (reviewee_id);
