-- A contest's brief (its reference files, on the contest's job) stays readable after the winner is chosen to every
-- entrant, who worked from it (a user trial found it 404 to the entrants who did not win once the job had closed), and to
-- administrators, who decide a contest by its business's ratings. 0043's file_audience, whole (a view is replaced
-- whole), with these two branches added last.
DROP VIEW file_audience;
CREATE VIEW file_audience AS
SELECT f.id AS file_id, f.owner_id AS user_id, 'uploader' AS relation FROM files f
WHERE NOT EXISTS (SELECT 1 FROM identity_checks i WHERE i.file_id = f.id)
UNION ALL
SELECT f.id, v.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_viewers v ON v.job_id = j.id
WHERE j.confidential_files = 0 AND j.nda = 'none'
UNION ALL
SELECT f.id, r.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN nda_readers r ON r.job_id = j.id
WHERE j.confidential_files = 0 AND j.nda <> 'none'
UNION ALL
SELECT f.id, v.user_id, 'nda' FROM jobs j JOIN files f ON f.id = j.nda_file_id JOIN job_viewers v ON v.job_id = j.id
UNION ALL
SELECT f.id, a.user_id, 'job' FROM files f JOIN jobs j ON j.id = f.job_id JOIN job_audience a ON a.job_id = j.id
WHERE j.confidential_files = 1 AND a.relation IN ('business', 'producer')
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
-- g2: task answers (0042's branch, kept: this view replaces 0042's whole). A worker's file answer to a task job's item:
-- the job's business and its producers, and administrators.
SELECT f.id, a.user_id, 'taskAnswer' FROM files f JOIN task_submissions s ON s.id = f.task_submission_id
JOIN job_audience a ON a.job_id = s.job_id WHERE a.relation IN ('business', 'producer')
UNION ALL
SELECT f.id, u.id, 'taskAnswer' FROM files f JOIN task_submissions s ON s.id = f.task_submission_id JOIN users u ON u.role = 'administrator'
UNION ALL
-- g3: team tasks (their shared and delivered files) and the team's own thread
SELECT f.id, k.assignee_id, 'task' FROM files f JOIN tasks k ON k.id = f.task_id
UNION ALL
SELECT f.id, m.user_id, 'task' FROM files f JOIN tasks k ON k.id = f.task_id JOIN team_members m ON m.team_id = k.team_id
WHERE m.role IN ('director', 'leader') AND m.removed_at IS NULL
UNION ALL
SELECT f.id, k.assignee_id, 'task' FROM files f JOIN task_steps s ON s.id = f.task_step_id JOIN tasks k ON k.id = s.task_id
UNION ALL
SELECT f.id, m.user_id, 'task' FROM files f JOIN task_steps s ON s.id = f.task_step_id JOIN tasks k ON k.id = s.task_id
JOIN team_members m ON m.team_id = k.team_id
WHERE m.role IN ('director', 'leader') AND m.removed_at IS NULL
UNION ALL
SELECT f.id, m.user_id, 'team' FROM files f JOIN team_messages t ON t.id = f.team_message_id JOIN team_members m ON m.team_id = t.team_id
WHERE m.removed_at IS NULL
UNION ALL
-- lead 0047: a contest's reference files, to its entrants and to administrators
SELECT f.id, e.worker_id, 'contest' FROM files f JOIN contest_entries e ON e.job_id = f.job_id
UNION ALL
SELECT f.id, u.id, 'contest' FROM files f JOIN contests c ON c.job_id = f.job_id JOIN users u ON u.role = 'administrator';
