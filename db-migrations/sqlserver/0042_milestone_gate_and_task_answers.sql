-- g2 (issue 24's gaps). A milestone delivered on a job with a producer's review goes to the producer first, as a
-- contract's delivery does (contract_gates): the milestone's status gains inReview, between its delivery and the
-- producer's forward to the business. SQLite makes the status column again at the table's end (see sqlite/0042), so
-- this step does the same, keeping the column order of both: the values kept aside, 0038's unnamed CHECK found by its
-- column and dropped (as 0040 did for account_mail.kind), the column dropped with the index that names it and added back,
-- the values filled in, and the CHECK made again with a name a later step can use.
SELECT id, status INTO #kept_milestone_statuses FROM milestones;
DROP INDEX ix_milestones_inspection ON milestones;
DECLARE @status_check sysname = (SELECT cc.name FROM sys.check_constraints cc
    JOIN sys.columns c ON c.object_id = cc.parent_object_id AND c.column_id = cc.parent_column_id
    WHERE cc.parent_object_id = OBJECT_ID(N'milestones') AND c.name = N'status');
DECLARE @drop nvarchar(max) = N'ALTER TABLE milestones DROP CONSTRAINT ' + QUOTENAME(@status_check);
EXEC sp_executesql @drop;
ALTER TABLE milestones DROP COLUMN status;
ALTER TABLE milestones ADD status nvarchar(32) NOT NULL CONSTRAINT df_milestones_status DEFAULT N'unfunded';
GO
UPDATE m SET m.status = k.status FROM milestones m JOIN #kept_milestone_statuses k ON k.id = m.id;
DROP TABLE #kept_milestone_statuses;
ALTER TABLE milestones ADD CONSTRAINT ck_milestones_status
    CHECK (status IN (N'unfunded', N'funded', N'inReview', N'submitted', N'revisionRequested', N'accepted', N'cancelled'));
CREATE INDEX ix_milestones_inspection ON milestones (status, inspection_ends_at);
GO

-- g2: task answers. A file a worker gives as a task item's answer is attached to that answer (files.task_submission_id),
-- so that the sweep keeps it and the file route lets the job's business, its producers and administrators download it.
ALTER TABLE files ADD task_submission_id nvarchar(32) NULL REFERENCES task_submissions (id);
GO
CREATE INDEX ix_files_task_submission ON files (task_submission_id, id) WHERE task_submission_id IS NOT NULL;
GO

-- 0036's file_audience, whole, with the readers of a task answer's files added (the last branch).
DROP VIEW file_audience;
GO
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, N'uploader' AS relation FROM files f
WHERE NOT EXISTS (SELECT 1 FROM identity_checks i WHERE i.file_id = f.id)
UNION ALL
SELECT f.id, v.user_id, N'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_viewers v ON v.job_id = j.id
WHERE j.confidential_files = 0 AND j.nda = N'none'
UNION ALL
SELECT f.id, r.user_id, N'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN nda_readers r ON r.job_id = j.id
WHERE j.confidential_files = 0 AND j.nda <> N'none'
UNION ALL
SELECT f.id, v.user_id, N'nda' FROM jobs j JOIN files f ON f.id = j.nda_file_id JOIN job_viewers v ON v.job_id = j.id
UNION ALL
SELECT f.id, a.user_id, N'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = 1 AND a.relation IN (N'business', N'producer')
UNION ALL
SELECT f.id, c.worker_id, N'job' FROM files f JOIN contracts c ON c.job_id = f.job_id
WHERE c.award_lapsed_at IS NULL
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN messages m ON m.id = f.message_id JOIN contract_parties p ON p.contract_id = m.contract_id
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN contract_parties p ON p.contract_id = s.contract_id
UNION ALL
SELECT f.id, p.user_id, N'contract' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN contract_parties p ON p.contract_id = r.contract_id
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN contracts c ON c.job_id = f.job_id JOIN disputes d ON d.contract_id = c.id
JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN messages m ON m.id = f.message_id JOIN disputes d ON d.contract_id = m.contract_id
JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN disputes d ON d.contract_id = s.contract_id
JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN disputes d ON d.contract_id = r.contract_id
JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, p.user_id, N'dispute' FROM files f JOIN dispute_statements s ON s.id = f.statement_id JOIN disputes d ON d.id = s.dispute_id
JOIN contract_parties p ON p.contract_id = d.contract_id
UNION ALL
SELECT f.id, u.id, N'dispute' FROM files f JOIN dispute_statements s ON s.id = f.statement_id JOIN users u ON u.role = N'administrator'
UNION ALL
SELECT f.id, u.id, N'portfolio' FROM files f CROSS JOIN users u WHERE f.portfolio_of IS NOT NULL
UNION ALL
SELECT f.id, r.user_id, N'contest' FROM files f JOIN contest_entry_readers r ON r.entry_id = f.entry_id
UNION ALL
-- g2: task answers. A worker's file answer to a task job's item: the job's business and its producers, and administrators.
SELECT f.id, a.user_id, N'taskAnswer' FROM files f JOIN task_submissions s ON s.id = f.task_submission_id
JOIN job_audience a ON a.job_id = s.job_id WHERE a.relation IN (N'business', N'producer')
UNION ALL
SELECT f.id, u.id, N'taskAnswer' FROM files f JOIN task_submissions s ON s.id = f.task_submission_id JOIN users u ON u.role = N'administrator';
GO

-- g2: the payouts due list reads released milestones by their payment date (Payouts/ListDuePayouts.cs).
CREATE INDEX ix_milestones_payment_due ON milestones (payment_due_on, id) WHERE payment_due_on IS NOT NULL;
GO
