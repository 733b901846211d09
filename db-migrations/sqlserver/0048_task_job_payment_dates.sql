-- The date each worker's task-job pay is owed by (Freelance Act art. 4: within 60 days of the day the work was received,
-- that day counted), fixed at the close as a contract's payment_due_on is: the terms' days after the close, never later
-- than day 60 from the worker's first answer approved in the job. The payouts-due list and its warnings read it.
-- Pay recorded before this migration gets the law's last day from its first answer (the terms' days are a setting the
-- migration cannot read; the law's day is the one a late payout must not pass).
ALTER TABLE task_job_pay ADD payment_due_on date NULL;
GO
UPDATE task_job_pay SET payment_due_on = (
    SELECT DATEADD(day, 59, CAST(SWITCHOFFSET(MIN(s.submitted_at), '+09:00') AS date))
    FROM task_submissions s
    WHERE s.job_id = task_job_pay.job_id AND s.worker_id = task_job_pay.worker_id AND s.status = 'approved');
CREATE INDEX ix_task_job_pay_due ON task_job_pay (payment_due_on, job_id, worker_id);
