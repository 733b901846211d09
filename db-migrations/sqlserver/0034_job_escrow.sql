-- Issue 24: task jobs and contests escrow their money when they are posted, before any contract exists. A job gets a
-- format ('project' as every job so far, 'task', 'contest'); a payment into escrow belongs to a contract or to a job,
-- never both; the job's escrow is the ledger account 'job-escrow:<jobId>' (Money/Ledger.cs), funded by that payment.

-- A task job or a contest waits off the board, status 'unfunded', until its escrow is funded. 0001 left the status's
-- CHECK unnamed, so SQL Server named it itself: it is found by its column and dropped, then made again with a name.
DECLARE @status_check sysname = (SELECT cc.name FROM sys.check_constraints cc
    JOIN sys.columns c ON c.object_id = cc.parent_object_id AND c.column_id = cc.parent_column_id
    WHERE cc.parent_object_id = OBJECT_ID(N'jobs') AND c.name = N'status');
DECLARE @drop_status nvarchar(max) = N'ALTER TABLE jobs DROP CONSTRAINT ' + QUOTENAME(@status_check);
EXEC sp_executesql @drop_status;
ALTER TABLE jobs ADD CONSTRAINT ck_jobs_status CHECK (status IN (N'open', N'awarded', N'completed', N'cancelled', N'unfunded'));
GO

ALTER TABLE jobs ADD format nvarchar(16) NOT NULL DEFAULT N'project' CHECK (format IN (N'project', N'task', N'contest'));
-- When the job's escrow was funded (task jobs and contests only; a project's escrow is its contract's).
ALTER TABLE jobs ADD funded_at datetimeoffset(7) NULL;
GO

-- contract_id may now be NULL. Its foreign key (unnamed in 0003) is dropped by the name SQL Server gave it and made
-- again; ux_payments_pending is made again for contracts only, since SQL Server's unique index counts NULLs as equal.
DECLARE @contract_key sysname = (SELECT fk.name FROM sys.foreign_keys fk
    JOIN sys.foreign_key_columns fc ON fc.constraint_object_id = fk.object_id
    JOIN sys.columns c ON c.object_id = fc.parent_object_id AND c.column_id = fc.parent_column_id
    WHERE fk.parent_object_id = OBJECT_ID(N'payments') AND c.name = N'contract_id');
DECLARE @drop_key nvarchar(max) = N'ALTER TABLE payments DROP CONSTRAINT ' + QUOTENAME(@contract_key);
EXEC sp_executesql @drop_key;
DROP INDEX ux_payments_pending ON payments;
DROP INDEX ix_payments_contract ON payments;
ALTER TABLE payments ALTER COLUMN contract_id nvarchar(32) NULL;
ALTER TABLE payments ADD CONSTRAINT fk_payments_contract FOREIGN KEY (contract_id) REFERENCES contracts (id);
CREATE INDEX ix_payments_contract ON payments (contract_id, id);
CREATE UNIQUE INDEX ux_payments_pending ON payments (contract_id) WHERE status = N'pending' AND contract_id IS NOT NULL;
GO

ALTER TABLE payments ADD job_id nvarchar(32) NULL REFERENCES jobs (id);
GO
ALTER TABLE payments ADD CONSTRAINT ck_payments_contract_or_job
    CHECK ((contract_id IS NOT NULL AND job_id IS NULL) OR (contract_id IS NULL AND job_id IS NOT NULL));
CREATE INDEX ix_payments_job ON payments (job_id, id);
-- As ux_payments_pending for a contract: at most one payment asked for and not yet arrived per job.
CREATE UNIQUE INDEX ux_payments_job_pending ON payments (job_id) WHERE status = N'pending' AND job_id IS NOT NULL;
GO
