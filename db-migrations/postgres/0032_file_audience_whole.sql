-- file_audience once more, whole. 0022 (disputes and portfolios) and 0027 (programmes) each re-created the view from
-- 0021's, on branches made at the same time: 0027, applied after 0022, dropped 0022's readers of a dispute statement's
-- files (its parties and the administrators) and of portfolio files (everyone signed in). This is 0027's view with
-- those readers back. Also: a worker's lapsed award (contracts.award_lapsed_at, 0025) no longer opens the job's files
-- to that worker; only the live contract does.
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
SELECT f.id, u.id, 'portfolio' FROM files f CROSS JOIN users u WHERE f.portfolio_of IS NOT NULL;
