-- A transaction of a job's own escrow (a task job's or a contest's: funded, paid to workers, refunded) names its job, as a
-- contract's transaction names its contract, so that a statement shows the job each line was for. Transactions are
-- append-only (the triggers refuse UPDATE), so those posted before this column keep it empty.
ALTER TABLE ledger_transactions ADD job_id nvarchar(32) NULL REFERENCES jobs (id);
