-- Issue 24, task jobs (タスク形式, CrowdWorks' rules): a business posts many small items with one set of instructions and
-- answer fields; a worker takes one item at a time, answers it within the time allowed, and the business approves or
-- rejects each answer. Approved items are paid per worker when the job closes, out of the job's escrow (0034).

-- The task job's terms, fixed at posting. fields: the answer's fields as JSON (text with a length limit, a choice, a
-- file), read by the API only. platform_fee_bps: the platform's fee in force at posting, as a contract fixes its split.
CREATE TABLE task_jobs (
    job_id           TEXT NOT NULL PRIMARY KEY REFERENCES jobs (id),
    instructions     TEXT NOT NULL,
    fields           TEXT NOT NULL,
    price_per_item   INTEGER NOT NULL CHECK (price_per_item >= 1),
    item_count       INTEGER NOT NULL CHECK (item_count >= 1),
    per_worker_cap   INTEGER NOT NULL CHECK (per_worker_cap >= 1),
    platform_fee_bps INTEGER NOT NULL,
    closed_at        TEXT NULL
);

-- One item of a task job: its number, its own inputs (a CSV row, JSON, for the instructions' ##1## placeholders) and
-- where it is: open (in the pool), taken (by worker_id until due_at; past due_at it is in the pool again), submitted,
-- approved. A rejected answer puts its item back in the pool.
CREATE TABLE task_items (
    id        TEXT NOT NULL PRIMARY KEY,
    job_id    TEXT NOT NULL REFERENCES jobs (id),
    number    INTEGER NOT NULL CHECK (number >= 1),
    inputs    TEXT NULL,
    status    TEXT NOT NULL CHECK (status IN ('open', 'taken', 'submitted', 'approved')),
    worker_id TEXT NULL REFERENCES users (id),
    taken_at  TEXT NULL,
    due_at    TEXT NULL
);
CREATE UNIQUE INDEX ux_task_items_number ON task_items (job_id, number);
CREATE INDEX ix_task_items_status ON task_items (job_id, status, number);
CREATE INDEX ix_task_items_worker ON task_items (worker_id, job_id, status);

-- A worker's answer to an item, and its review. An item has at most one answer awaiting review or approved.
CREATE TABLE task_submissions (
    id            TEXT NOT NULL PRIMARY KEY,
    item_id       TEXT NOT NULL REFERENCES task_items (id),
    job_id        TEXT NOT NULL REFERENCES jobs (id),
    worker_id     TEXT NOT NULL REFERENCES users (id),
    answers       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
    reason        TEXT NULL,
    submitted_at  TEXT NOT NULL,
    reviewed_at   TEXT NULL,
    reviewed_by   TEXT NULL REFERENCES users (id),
    auto_approved INTEGER NOT NULL DEFAULT 0 CHECK (auto_approved IN (0, 1))
);
CREATE UNIQUE INDEX ux_task_submissions_item ON task_submissions (item_id) WHERE status IN ('submitted', 'approved');
CREATE INDEX ix_task_submissions_job ON task_submissions (job_id, id);
CREATE INDEX ix_task_submissions_worker ON task_submissions (job_id, worker_id, status);
