-- g2 (issue 24's gaps). A milestone delivered on a job with a producer's review goes to the producer first, as a
-- contract's delivery does (contract_gates): the milestone's status gains inReview (the CHECK PostgreSQL named from
-- 0038's column constraint), between its delivery and the producer's forward to the business.
ALTER TABLE milestones DROP CONSTRAINT milestones_status_check;
ALTER TABLE milestones ADD CONSTRAINT milestones_status_check
    CHECK (status IN ('unfunded', 'funded', 'inReview', 'submitted', 'revisionRequested', 'accepted', 'cancelled'));

-- g2: task answers. A file a worker gives as a task item's answer is attached to that answer (files.task_submission_id),
-- so that the sweep keeps it and the file route lets the job's business, its producers and administrators download it.
ALTER TABLE files ADD COLUMN task_submission_id text NULL REFERENCES task_submissions (id);
CREATE INDEX ix_files_task_submission ON files (task_submission_id, id) WHERE task_submission_id IS NOT NULL;

-- 0036's file_audience, whole, with the readers of a task answer's files added (the last branch).
DROP VIEW file_audience;
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, 'uploader' AS relation FROM files f
WHERE NOT EXISTS (SELECT 1 FROM identity_checks i WHERE i.file_id = f.id)
UNION ALL
SELECT f.id, v.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_viewers v ON v.job_id = j.id
WHERE j.confidential_files = FALSE AND j.nda = 'none'
UNION ALL
SELECT f.id, r.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN nda_readers r ON r.job_id = j.id
WHERE j.confidential_files = FALSE AND j.nda <> 'none'
UNION ALL
SELECT f.id, v.user_id, 'nda' FROM jobs j JOIN files f ON f.id = j.nda_file_id JOIN job_viewers v ON v.job_id = j.id
UNION ALL
SELECT f.id, a.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = TRUE AND a.relation IN ('business', 'producer')
UNION ALL
SELECT f.id, c.worker_id, 'job' FROM files f JOIN contracts c ON c.job_id = f.job_id
WHERE c.award_lapsed_at IS NULL
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN messages m ON m.id = f.message_id JOIN contract_parties p ON p.contract_id = m.contract_id
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN contract_parties p ON p.contract_id = s.contract_id
UNION ALL
SELECT f.id, p.user_id, 'contract' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN contract_parties p ON p.contract_id = r.contract_id
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN contracts c ON c.job_id = f.job_id JOIN disputes d ON d.contract_id = c.id
JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN messages m ON m.id = f.message_id JOIN disputes d ON d.contract_id = m.contract_id
JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN submissions s ON s.id = f.submission_id JOIN disputes d ON d.contract_id = s.contract_id
JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN revision_requests r ON r.id = f.revision_id JOIN disputes d ON d.contract_id = r.contract_id
JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, p.user_id, 'dispute' FROM files f JOIN dispute_statements s ON s.id = f.statement_id JOIN disputes d ON d.id = s.dispute_id
JOIN contract_parties p ON p.contract_id = d.contract_id
UNION ALL
SELECT f.id, u.id, 'dispute' FROM files f JOIN dispute_statements s ON s.id = f.statement_id JOIN users u ON u.role = 'administrator'
UNION ALL
SELECT f.id, u.id, 'portfolio' FROM files f CROSS JOIN users u WHERE f.portfolio_of IS NOT NULL
UNION ALL
SELECT f.id, r.user_id, 'contest' FROM files f JOIN contest_entry_readers r ON r.entry_id = f.entry_id
UNION ALL
-- g2: task answers. A worker's file answer to a task job's item: the job's business and its producers, and administrators.
SELECT f.id, a.user_id, 'taskAnswer' FROM files f JOIN task_submissions s ON s.id = f.task_submission_id
JOIN job_audience a ON a.job_id = s.job_id WHERE a.relation IN ('business', 'producer')
UNION ALL
SELECT f.id, u.id, 'taskAnswer' FROM files f JOIN task_submissions s ON s.id = f.task_submission_id JOIN users u ON u.role = 'administrator';

-- g2: the payouts due list reads released milestones by their payment date (Payouts/ListDuePayouts.cs).
CREATE INDEX ix_milestones_payment_due ON milestones (payment_due_on, id) WHERE payment_due_on IS NOT NULL;
