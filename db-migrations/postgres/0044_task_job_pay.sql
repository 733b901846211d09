-- What a task job's close paid each worker (issue 24): the approved items' total, the platform's fee, the income tax
-- withheld on that worker's total (Income Tax Act art. 204; the business remits it) and the net credited, written in the
-- close's transaction as team_shares is for a team. Statements read it: a worker's earnings and a business's work paid
-- for and tax to remit by the 10th of next month, which the ledger alone (a worker's net and a tax returned) cannot say.
CREATE TABLE task_job_pay (
    job_id          text NOT NULL REFERENCES jobs (id),
    worker_id       text NOT NULL REFERENCES users (id),
    gross           bigint NOT NULL,
    platform_fee    bigint NOT NULL,
    withholding_tax bigint NOT NULL,
    net             bigint NOT NULL,
    paid_at         timestamptz NOT NULL,
    PRIMARY KEY (job_id, worker_id)
);
CREATE INDEX ix_task_job_pay_worker ON task_job_pay (worker_id, paid_at);
