-- Issue 24: task jobs and contests escrow their money when they are posted, before any contract exists. A job gets a
-- format ('project' as every job so far, 'task', 'contest'); a payment into escrow belongs to a contract or to a job,
-- never both; the job's escrow is the ledger account 'job-escrow:<jobId>' (Money/Ledger.cs), funded by that payment.

-- A task job or a contest waits off the board, status 'unfunded', until its escrow is funded; it then opens (the board's
-- indexes follow the status change through their triggers, as for any other). SQLite cannot alter a CHECK, and
-- rebuilding jobs fails inside the migration's transaction (0027 says why): a CHECK that admits one more value, and a
-- NOT NULL taken away, change nothing on disk, so the definitions are edited in place (SQLite's documented procedure,
-- "Making Other Kinds Of Table Schema Changes"), and RESET re-reads the schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(sql, 'status IN (''open'', ''awarded'', ''completed'', ''cancelled'')',
                       'status IN (''open'', ''awarded'', ''completed'', ''cancelled'', ''unfunded'')')
WHERE type = 'table' AND name = 'jobs';
UPDATE sqlite_master
SET sql = replace(sql, 'contract_id  TEXT NOT NULL REFERENCES contracts (id)', 'contract_id  TEXT NULL REFERENCES contracts (id)')
WHERE type = 'table' AND name = 'payments';
PRAGMA writable_schema = RESET;

ALTER TABLE jobs ADD COLUMN format TEXT NOT NULL DEFAULT 'project' CHECK (format IN ('project', 'task', 'contest'));
-- When the job's escrow was funded (task jobs and contests only; a project's escrow is its contract's).
ALTER TABLE jobs ADD COLUMN funded_at TEXT NULL;

ALTER TABLE payments ADD COLUMN job_id TEXT NULL REFERENCES jobs (id)
    CHECK ((contract_id IS NOT NULL AND job_id IS NULL) OR (contract_id IS NULL AND job_id IS NOT NULL));
CREATE INDEX ix_payments_job ON payments (job_id, id);
-- As ux_payments_pending for a contract: at most one payment asked for and not yet arrived per job.
CREATE UNIQUE INDEX ux_payments_job_pending ON payments (job_id) WHERE status = 'pending' AND job_id IS NOT NULL;
