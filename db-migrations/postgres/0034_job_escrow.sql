-- Issue 24: task jobs and contests escrow their money when they are posted, before any contract exists. A job gets a
-- format ('project' as every job so far, 'task', 'contest'); a payment into escrow belongs to a contract or to a job,
-- never both; the job's escrow is the ledger account 'job-escrow:<jobId>' (Money/Ledger.cs), funded by that payment.

-- A task job or a contest waits off the board, status 'unfunded', until its escrow is funded; it then opens (the board's
-- indexes follow the status change through their triggers). The CHECK PostgreSQL named jobs_status_check is replaced.
ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE jobs ADD CONSTRAINT ck_jobs_status CHECK (status IN ('open', 'awarded', 'completed', 'cancelled', 'unfunded'));

ALTER TABLE jobs ADD COLUMN format text NOT NULL DEFAULT 'project' CHECK (format IN ('project', 'task', 'contest'));
-- When the job's escrow was funded (task jobs and contests only; a project's escrow is its contract's).
ALTER TABLE jobs ADD COLUMN funded_at timestamptz NULL;

ALTER TABLE payments ALTER COLUMN contract_id DROP NOT NULL;
ALTER TABLE payments ADD COLUMN job_id text NULL REFERENCES jobs (id);
ALTER TABLE payments ADD CONSTRAINT ck_payments_contract_or_job
    CHECK ((contract_id IS NOT NULL AND job_id IS NULL) OR (contract_id IS NULL AND job_id IS NOT NULL));
CREATE INDEX ix_payments_job ON payments (job_id, id);
-- As ux_payments_pending for a contract: at most one payment asked for and not yet arrived per job.
CREATE UNIQUE INDEX ux_payments_job_pending ON payments (job_id) WHERE status = 'pending' AND job_id IS NOT NULL;
