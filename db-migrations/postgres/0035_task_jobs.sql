-- Issue 24, task jobs (タスク形式, CrowdWorks' rules): a business posts many small items with one set of instructions and
-- answer fields; a worker takes one item at a time, answers it within the time allowed, and the business approves or
-- rejects each answer. Approved items are paid per worker when the job closes, out of the job's escrow (0034).

-- The task job's terms, fixed at posting. fields: the answer's fields as JSON (text with a length limit, a choice, a
-- file), read by the API only. platform_fee_bps: the platform's fee in force at posting, as a contract fixes its split.
CREATE TABLE task_jobs (
    job_id           text NOT NULL PRIMARY KEY REFERENCES jobs (id),
    instructions     text NOT NULL,
    fields           text NOT NULL,
    price_per_item   bigint NOT NULL CHECK (price_per_item >= 1),
    item_count       bigint NOT NULL CHECK (item_count >= 1),
    per_worker_cap   bigint NOT NULL CHECK (per_worker_cap >= 1),
    platform_fee_bps bigint NOT NULL,
    closed_at        timestamptz NULL
);

-- One item of a task job: its number, its own inputs (a CSV row, JSON, for the instructions' ##1## placeholders) and
-- where it is: open (in the pool), taken (by worker_id until due_at; past due_at it is in the pool again), submitted,
-- approved. A rejected answer puts its item back in the pool.
CREATE TABLE task_items (
    id        text NOT NULL PRIMARY KEY,
    job_id    text NOT NULL REFERENCES jobs (id),
    number    bigint NOT NULL CHECK (number >= 1),
    inputs    text NULL,
    status    text NOT NULL CHECK (status IN ('open', 'taken', 'submitted', 'approved')),
    worker_id text NULL REFERENCES users (id),
    taken_at  timestamptz NULL,
    due_at    timestamptz NULL
);
CREATE UNIQUE INDEX ux_task_items_number ON task_items (job_id, number);
CREATE INDEX ix_task_items_status ON task_items (job_id, status, number);
CREATE INDEX ix_task_items_worker ON task_items (worker_id, job_id, status);

-- A worker's answer to an item, and its review. An item has at most one answer awaiting review or approved.
CREATE TABLE task_submissions (
    id            text NOT NULL PRIMARY KEY,
    item_id       text NOT NULL REFERENCES task_items (id),
    job_id        text NOT NULL REFERENCES jobs (id),
    worker_id     text NOT NULL REFERENCES users (id),
    answers       text NOT NULL,
    status        text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
    reason        text NULL,
    submitted_at  timestamptz NOT NULL,
    reviewed_at   timestamptz NULL,
    reviewed_by   text NULL REFERENCES users (id),
    auto_approved boolean NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX ux_task_submissions_item ON task_submissions (item_id) WHERE status IN ('submitted', 'approved');
CREATE INDEX ix_task_submissions_job ON task_submissions (job_id, id);
CREATE INDEX ix_task_submissions_worker ON task_submissions (job_id, worker_id, status);
