-- The marketplace core on PostgreSQL: the same step as sqlite/0001_core.sql, in PostgreSQL's own types.
-- Ids stay text: the API makes them (time-ordered UUIDv7 written as 32 hex digits) and handles them as strings
-- everywhere, in URLs, cursors and JSON; a uuid column would hand handlers a Guid and print it with dashes, so it does
-- not fit. Times are timestamptz (SQLite keeps fixed-width UTC text); money and counts are bigint (whole yen; SQLite's
-- INTEGER is 64-bit too); flags are boolean; text is text (the API's validators bound its length, as on SQLite).
-- Constraints that a later step changes are named, so that the step can drop them by name.

CREATE TABLE users (
    id            text NOT NULL PRIMARY KEY,
    email         text NOT NULL,
    display_name  text NOT NULL,
    role          text NOT NULL CHECK (role IN ('business', 'worker', 'producer', 'administrator')),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE api_tokens (
    id         text NOT NULL PRIMARY KEY,
    user_id    text NOT NULL REFERENCES users (id),
    name       text NOT NULL,
    token_hash text NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);
CREATE UNIQUE INDEX ux_api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE worker_profiles (
    worker_id    text NOT NULL PRIMARY KEY REFERENCES users (id),
    bio          text NOT NULL,
    region       text NOT NULL,
    weekly_hours bigint NOT NULL CHECK (weekly_hours BETWEEN 0 AND 80),
    availability text NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX ix_worker_profiles_region ON worker_profiles (region);

CREATE TABLE worker_skills (
    worker_id text NOT NULL REFERENCES users (id),
    skill     text NOT NULL,
    PRIMARY KEY (worker_id, skill)
);
CREATE INDEX ix_worker_skills_skill ON worker_skills (skill, worker_id);

CREATE TABLE jobs (
    id          text NOT NULL PRIMARY KEY,
    business_id text NOT NULL REFERENCES users (id),
    producer_id text NULL REFERENCES users (id),
    title       text NOT NULL,
    description text NOT NULL,
    category    text NOT NULL CHECK (category IN ('design', 'translation', 'transcription', 'writing', 'dataEntry', 'other')),
    budget_min  bigint NOT NULL CHECK (budget_min >= 1),
    budget_max  bigint NOT NULL CHECK (budget_max <= 100000000),
    deadline    timestamptz NOT NULL,
    region      text NULL,
    status      text NOT NULL CHECK (status IN ('open', 'awarded', 'completed', 'cancelled')),
    created_at  timestamptz NOT NULL,
    CHECK (budget_min <= budget_max)
);
CREATE INDEX ix_jobs_status ON jobs (status, id);
CREATE INDEX ix_jobs_business ON jobs (business_id, id);

CREATE TABLE bids (
    id            text NOT NULL PRIMARY KEY,
    job_id        text NOT NULL REFERENCES jobs (id),
    worker_id     text NOT NULL REFERENCES users (id),
    amount        bigint NOT NULL CHECK (amount >= 1),
    delivery_days bigint NOT NULL CHECK (delivery_days >= 1),
    message       text NOT NULL,
    status        text NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn')),
    created_at    timestamptz NOT NULL
);
-- One live bid per worker per job: the database, not the handler, refuses the second.
CREATE UNIQUE INDEX ux_bids_live ON bids (job_id, worker_id) WHERE status = 'pending';
CREATE INDEX ix_bids_job ON bids (job_id, id);
CREATE INDEX ix_bids_worker ON bids (worker_id, id);

CREATE TABLE contracts (
    id           text NOT NULL PRIMARY KEY,
    job_id       text NOT NULL REFERENCES jobs (id),
    bid_id       text NOT NULL REFERENCES bids (id),
    business_id  text NOT NULL REFERENCES users (id),
    worker_id    text NOT NULL REFERENCES users (id),
    amount       bigint NOT NULL CHECK (amount >= 1),
    status       text NOT NULL CONSTRAINT ck_contracts_status
                 CHECK (status IN ('active', 'submitted', 'revisionRequested', 'completed', 'cancelled')),
    deadline     timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz NULL
);
-- A job has at most one contract: a second award that slipped past the job's status check still fails here.
CREATE UNIQUE INDEX ux_contracts_job ON contracts (job_id);
CREATE UNIQUE INDEX ux_contracts_bid ON contracts (bid_id);
CREATE INDEX ix_contracts_business ON contracts (business_id, id);
CREATE INDEX ix_contracts_worker ON contracts (worker_id, id);

CREATE TABLE submissions (
    id          text NOT NULL PRIMARY KEY,
    contract_id text NOT NULL REFERENCES contracts (id),
    message     text NOT NULL,
    links       text NOT NULL, -- JSON array of URLs, as the API wrote it (read back only by the API)
    created_at  timestamptz NOT NULL
);
CREATE INDEX ix_submissions_contract ON submissions (contract_id, id);

CREATE TABLE revision_requests (
    id           text NOT NULL PRIMARY KEY,
    contract_id  text NOT NULL REFERENCES contracts (id),
    requested_by text NOT NULL REFERENCES users (id),
    reason       text NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX ix_revision_requests_contract ON revision_requests (contract_id, id);

CREATE TABLE reviews (
    id          text NOT NULL PRIMARY KEY,
    contract_id text NOT NULL REFERENCES contracts (id),
    reviewer_id text NOT NULL REFERENCES users (id),
    reviewee_id text NOT NULL REFERENCES users (id),
    rating      bigint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     text NOT NULL,
    created_at  timestamptz NOT NULL
);
-- Each party reviews a contract once.
CREATE UNIQUE INDEX ux_reviews_once ON reviews (contract_id, reviewer_id);
CREATE INDEX ix_reviews_reviewee ON reviews (reviewee_id);
