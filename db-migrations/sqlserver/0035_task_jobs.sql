-- Issue 24, task jobs (タスク形式, CrowdWorks' rules): a business posts many small items with one set of instructions and
-- answer fields; a worker takes one item at a time, answers it within the time allowed, and the business approves or
-- rejects each answer. Approved items are paid per worker when the job closes, out of the job's escrow (0034).

-- The task job's terms, fixed at posting. fields: the answer's fields as JSON (text with a length limit, a choice, a
-- file), read by the API only. platform_fee_bps: the platform's fee in force at posting, as a contract fixes its split.
CREATE TABLE task_jobs (
    job_id           nvarchar(32) NOT NULL PRIMARY KEY REFERENCES jobs (id),
    instructions     nvarchar(max) NOT NULL,
    fields           nvarchar(max) NOT NULL,
    price_per_item   bigint NOT NULL CHECK (price_per_item >= 1),
    item_count       bigint NOT NULL CHECK (item_count >= 1),
    per_worker_cap   bigint NOT NULL CHECK (per_worker_cap >= 1),
    platform_fee_bps bigint NOT NULL,
    closed_at        datetimeoffset(7) NULL
);

-- One item of a task job: its number, its own inputs (a CSV row, JSON, for the instructions' ##1## placeholders) and
-- where it is: open (in the pool), taken (by worker_id until due_at; past due_at it is in the pool again), submitted,
-- approved. A rejected answer puts its item back in the pool.
CREATE TABLE task_items (
    id        nvarchar(32) NOT NULL PRIMARY KEY,
    job_id    nvarchar(32) NOT NULL REFERENCES jobs (id),
    number    bigint NOT NULL CHECK (number >= 1),
    inputs    nvarchar(max) NULL,
    status    nvarchar(20) NOT NULL CHECK (status IN (N'open', N'taken', N'submitted', N'approved')),
    worker_id nvarchar(32) NULL REFERENCES users (id),
    taken_at  datetimeoffset(7) NULL,
    due_at    datetimeoffset(7) NULL
);
CREATE UNIQUE INDEX ux_task_items_number ON task_items (job_id, number);
CREATE INDEX ix_task_items_status ON task_items (job_id, status, number);
CREATE INDEX ix_task_items_worker ON task_items (worker_id, job_id, status);

-- A worker's answer to an item, and its review. An item has at most one answer awaiting review or approved.
CREATE TABLE task_submissions (
    id            nvarchar(32) NOT NULL PRIMARY KEY,
    item_id       nvarchar(32) NOT NULL REFERENCES task_items (id),
    job_id        nvarchar(32) NOT NULL REFERENCES jobs (id),
    worker_id     nvarchar(32) NOT NULL REFERENCES users (id),
    answers       nvarchar(max) NOT NULL,
    status        nvarchar(20) NOT NULL CHECK (status IN (N'submitted', N'approved', N'rejected')),
    reason        nvarchar(max) NULL,
    submitted_at  datetimeoffset(7) NOT NULL,
    reviewed_at   datetimeoffset(7) NULL,
    reviewed_by   nvarchar(32) NULL REFERENCES users (id),
    auto_approved bit NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_task_submissions_item ON task_submissions (item_id) WHERE status IN (N'submitted', N'approved');
CREATE INDEX ix_task_submissions_job ON task_submissions (job_id, id);
CREATE INDEX ix_task_submissions_worker ON task_submissions (job_id, worker_id, status);
GO
