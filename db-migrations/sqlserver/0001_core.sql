-- The marketplace core on SQL Server: the same step as sqlite/0001_core.sql, in SQL Server's own types.
-- Ids stay text: the API makes them (time-ordered UUIDv7 written as 32 hex digits) and handles them as strings
-- everywhere, in URLs, cursors and JSON; a uniqueidentifier would hand handlers a Guid, print it with dashes and sort
-- it in SQL Server's own byte order, so it does not fit. They are nvarchar(32), not varchar: Dapper sends a .NET string
-- as nvarchar, and comparing a varchar column with an nvarchar value converts the column, which can turn an index seek
-- into a scan. Times are datetimeoffset(7) (SQLite keeps fixed-width UTC text); money and counts are bigint (whole yen;
-- SQLite's INTEGER is 64-bit too); flags are bit; text is nvarchar(max), bounded only where an index key holds it (an
-- index key is at most 1,700 bytes, a clustered one 900) and then never shorter than the API's validators allow.
-- Constraints that a later step changes are named, so that the step can drop them by name.
-- Comparisons follow the database's collation. SQLite compares text by code point (BINARY); a database created with a
-- binary collation (e.g. Latin1_General_100_BIN2) compares as SQLite does, where a default one ignores case, kana type
-- and width ('OPEN' would pass status's CHECK, 'カ' would equal 'か').
-- Batches are separated by GO lines, a client convention: the migrator runs each batch on its own, in the script's
-- transaction. A CREATE VIEW, TRIGGER or FUNCTION must begin its batch, and a statement that reads a column added
-- earlier in the same script needs a batch of its own (a batch is compiled before it runs).

CREATE TABLE users (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    email         nvarchar(450) NOT NULL,
    display_name  nvarchar(max) NOT NULL,
    role          nvarchar(20) NOT NULL CHECK (role IN (N'business', N'worker', N'producer', N'administrator')),
    password_hash nvarchar(max) NOT NULL,
    created_at    datetimeoffset(7) NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (email);

CREATE TABLE api_tokens (
    id         nvarchar(32) NOT NULL PRIMARY KEY,
    user_id    nvarchar(32) NOT NULL REFERENCES users (id),
    name       nvarchar(max) NOT NULL,
    token_hash nvarchar(64) NOT NULL,
    created_at datetimeoffset(7) NOT NULL,
    revoked_at datetimeoffset(7) NULL
);
CREATE UNIQUE INDEX ux_api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id, id);

CREATE TABLE worker_profiles (
    worker_id    nvarchar(32) NOT NULL PRIMARY KEY REFERENCES users (id),
    bio          nvarchar(max) NOT NULL,
    region       nvarchar(100) NOT NULL,
    weekly_hours bigint NOT NULL CHECK (weekly_hours BETWEEN 0 AND 80),
    availability nvarchar(max) NOT NULL,
    updated_at   datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_worker_profiles_region ON worker_profiles (region);

-- Skills compare case-insensitively (handlers write SQLite's "skill = @Skill COLLATE NOCASE", which the SQL Server
-- dialect spells COLLATE Latin1_General_100_CI_AS_KS_WS): the column has that collation, so the comparison seeks on
-- its index. It ignores case only, as NOCASE does (kana type, width and accents still count). The key compares the same
-- way: UpdateWorkerProfile already drops skills that differ only in case.
CREATE TABLE worker_skills (
    worker_id nvarchar(32) NOT NULL REFERENCES users (id),
    skill     nvarchar(100) COLLATE Latin1_General_100_CI_AS_KS_WS NOT NULL,
    PRIMARY KEY (worker_id, skill)
);
CREATE INDEX ix_worker_skills_skill ON worker_skills (skill, worker_id);

CREATE TABLE jobs (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    business_id nvarchar(32) NOT NULL REFERENCES users (id),
    producer_id nvarchar(32) NULL REFERENCES users (id),
    title       nvarchar(max) NOT NULL,
    description nvarchar(max) NOT NULL,
    category    nvarchar(20) NOT NULL CHECK (category IN (N'design', N'translation', N'transcription', N'writing', N'dataEntry', N'other')),
    budget_min  bigint NOT NULL CHECK (budget_min >= 1),
    budget_max  bigint NOT NULL CHECK (budget_max <= 100000000),
    deadline    datetimeoffset(7) NOT NULL,
    region      nvarchar(max) NULL,
    status      nvarchar(20) NOT NULL CHECK (status IN (N'open', N'awarded', N'completed', N'cancelled')),
    created_at  datetimeoffset(7) NOT NULL,
    CHECK (budget_min <= budget_max)
);
CREATE INDEX ix_jobs_status ON jobs (status, id);
CREATE INDEX ix_jobs_business ON jobs (business_id, id);

CREATE TABLE bids (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    job_id        nvarchar(32) NOT NULL REFERENCES jobs (id),
    worker_id     nvarchar(32) NOT NULL REFERENCES users (id),
    amount        bigint NOT NULL CHECK (amount >= 1),
    delivery_days bigint NOT NULL CHECK (delivery_days >= 1),
    message       nvarchar(max) NOT NULL,
    status        nvarchar(20) NOT NULL CHECK (status IN (N'pending', N'accepted', N'rejected', N'withdrawn')),
    created_at    datetimeoffset(7) NOT NULL
);
-- One live bid per worker per job: the database, not the handler, refuses the second.
CREATE UNIQUE INDEX ux_bids_live ON bids (job_id, worker_id) WHERE status = N'pending';
CREATE INDEX ix_bids_job ON bids (job_id, id);
CREATE INDEX ix_bids_worker ON bids (worker_id, id);

CREATE TABLE contracts (
    id           nvarchar(32) NOT NULL PRIMARY KEY,
    job_id       nvarchar(32) NOT NULL REFERENCES jobs (id),
    bid_id       nvarchar(32) NOT NULL REFERENCES bids (id),
    business_id  nvarchar(32) NOT NULL REFERENCES users (id),
    worker_id    nvarchar(32) NOT NULL REFERENCES users (id),
    amount       bigint NOT NULL CHECK (amount >= 1),
    status       nvarchar(20) NOT NULL CONSTRAINT ck_contracts_status
                 CHECK (status IN (N'active', N'submitted', N'revisionRequested', N'completed', N'cancelled')),
    deadline     datetimeoffset(7) NOT NULL,
    created_at   datetimeoffset(7) NOT NULL,
    completed_at datetimeoffset(7) NULL
);
-- A job has at most one contract: a second award that slipped past the job's status check still fails here.
CREATE UNIQUE INDEX ux_contracts_job ON contracts (job_id);
CREATE UNIQUE INDEX ux_contracts_bid ON contracts (bid_id);
CREATE INDEX ix_contracts_business ON contracts (business_id, id);
CREATE INDEX ix_contracts_worker ON contracts (worker_id, id);

CREATE TABLE submissions (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id nvarchar(32) NOT NULL REFERENCES contracts (id),
    message     nvarchar(max) NOT NULL,
    links       nvarchar(max) NOT NULL, -- JSON array of URLs, as the API wrote it (read back only by the API)
    created_at  datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_submissions_contract ON submissions (contract_id, id);

CREATE TABLE revision_requests (
    id           nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id  nvarchar(32) NOT NULL REFERENCES contracts (id),
    requested_by nvarchar(32) NOT NULL REFERENCES users (id),
    reason       nvarchar(max) NOT NULL,
    created_at   datetimeoffset(7) NOT NULL
);
CREATE INDEX ix_revision_requests_contract ON revision_requests (contract_id, id);

CREATE TABLE reviews (
    id          nvarchar(32) NOT NULL PRIMARY KEY,
    contract_id nvarchar(32) NOT NULL REFERENCES contracts (id),
    reviewer_id nvarchar(32) NOT NULL REFERENCES users (id),
    reviewee_id nvarchar(32) NOT NULL REFERENCES users (id),
    rating      bigint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     nvarchar(max) NOT NULL,
    created_at  datetimeoffset(7) NOT NULL
);
-- Each party reviews a contract once.
CREATE UNIQUE INDEX ux_reviews_once ON reviews (contract_id, reviewer_id);
CREATE INDEX ix_reviews_reviewee ON reviews (reviewee_id);
